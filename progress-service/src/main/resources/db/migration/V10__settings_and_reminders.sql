-- A user's progress settings (PUT /progress/settings), with the zone of the token that set them: the
-- local days their reminders fall on. reminder_next_at is when the reminder of a local day is next
-- due (that day's local_time in the zone); the scheduler claims due rows, decides, and moves it on.
create table progress_settings (
    user_id             uuid        primary key,
    zone                text        not null,
    reminders_enabled   boolean     not null,
    reminder_after_days integer     not null,
    reminder_local_time time        not null,
    reminder_next_at    timestamptz,
    version             bigint      not null,
    updated_at          timestamptz not null
);
create index progress_settings_due_idx on progress_settings (reminder_next_at) where reminders_enabled;

-- Each reminder sent: one per user and local day, whichever replica sends it.
create table reminders_sent (
    user_id    uuid        not null,
    local_date date        not null,
    sent_at    timestamptz not null,
    primary key (user_id, local_date)
);
