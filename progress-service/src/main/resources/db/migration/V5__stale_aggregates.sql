-- Skills and users whose figures are behind their days. While the consumer works through a backlog
-- (a batch of at least practice-tracker.progress.defer-recompute-at events) it only writes facts and
-- days and marks what it touched here (a skill already marked costs nothing more); the first smaller
-- batch, or the check once marking has stopped for a while, recomputes each marked one once.
create table stale_skills (
    skill_id uuid primary key
);
create table stale_users (
    user_id uuid primary key
);
-- when a backlog batch last marked anything (one row)
create table stale_marked (
    singleton boolean primary key default true check (singleton),
    at        timestamptz not null
);
