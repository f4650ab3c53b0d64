-- Skills and users whose figures are behind their days. While the consumer works through a backlog
-- (a batch of at least practice-tracker.progress.defer-recompute-at events) it only writes facts and
-- days and marks what it touched here; the first smaller batch, or a check a second later, recomputes
-- each marked skill and user once. as_of is the newest event time applied to it meanwhile.
create table stale_skills (
    skill_id uuid primary key,
    as_of    timestamptz not null
);
create table stale_users (
    user_id uuid primary key,
    as_of   timestamptz not null
);
