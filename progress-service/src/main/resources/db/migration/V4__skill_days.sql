-- Per (skill, local day) aggregates of the live log facts. A change to a log re-aggregates only
-- the day(s) it touched (O(logs that day)), and a skill's or user's figures are then rebuilt from
-- its days (O(days)) instead of from every log it ever had. A day left without live logs has no row.
create table skill_days (
    skill_id         uuid    not null,
    local_date       date    not null,
    user_id          uuid    not null,
    sessions         integer not null,
    minutes          bigint  not null,
    difficulty_sum   bigint  not null,
    difficulty_count integer not null,
    confidence_sum   bigint  not null,
    confidence_count integer not null,
    first_at         timestamptz,
    last_at          timestamptz,
    primary key (skill_id, local_date)
);
create index skill_days_user_idx on skill_days (user_id, local_date);

-- the day re-aggregation looks facts up by (skill, day); it also serves every lookup by skill
create index log_facts_skill_day_idx on log_facts (skill_id, local_date);
drop index log_facts_skill_idx;

insert into skill_days
select skill_id, local_date, min(user_id::text)::uuid,
       count(*) filter (where not deleted), coalesce(sum(minutes) filter (where not deleted), 0),
       coalesce(sum(difficulty) filter (where not deleted), 0), count(difficulty) filter (where not deleted),
       coalesce(sum(confidence) filter (where not deleted), 0), count(confidence) filter (where not deleted),
       min(date_practiced) filter (where not deleted), max(date_practiced) filter (where not deleted)
  from log_facts group by skill_id, local_date
having count(*) filter (where not deleted) > 0;
