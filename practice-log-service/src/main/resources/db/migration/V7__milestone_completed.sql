-- Whether a log's practice completed the milestone it names (never without one).
alter table practice_logs add column milestone_completed boolean not null default false;
alter table practice_logs add constraint practice_logs_milestone_completed_check
    check (not milestone_completed or milestone_id is not null);
