-- What the patterns and breakdowns read: a log's hour of the day in the zone it was written in and
-- its activity type, and a skill's category and tags. Facts written before have no hour: they count
-- at the hour of date_practiced in UTC (a rebuild from the events gives them theirs).
alter table log_facts
    add column local_hour    smallint,
    add column activity_type text;

alter table skills
    add column category text,
    add column tags     text[] not null default '{}';
