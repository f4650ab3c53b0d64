-- When each projected row last changed (its event's time), so an erasure removes exactly what
-- came before it: data a user creates after erasing their old data survives, replays included.
alter table log_facts add column changed_at timestamptz not null default '-infinity';
alter table skills add column changed_at timestamptz not null default '-infinity';
alter table milestone_status add column changed_at timestamptz not null default '-infinity';
