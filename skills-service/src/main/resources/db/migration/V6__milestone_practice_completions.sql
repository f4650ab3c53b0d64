-- Whether each log that names a milestone completed it (a milestone's practice_completions).
alter table milestone_logs add column completed boolean not null default false;
