-- Streaks that lapse unless practice comes (streak.ended.v1): per user, one row per skill with a
-- streak of two days or more (streak = the skill's id) and one for the streak across skills (streak =
-- the user's own id). due_at is the end of the day after last_day in the user's zone (their settings',
-- else UTC): from then on the streak is over unless a later practice day has come. The scheduler
-- claims due rows and looks at the figures again before it says so.
create table streak_watch (
    user_id  uuid        not null,
    streak   uuid        not null,
    last_day date        not null,
    due_at   timestamptz not null,
    primary key (user_id, streak)
);
create index streak_watch_due_idx on streak_watch (due_at);
