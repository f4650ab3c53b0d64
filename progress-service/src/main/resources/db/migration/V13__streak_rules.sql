-- The settings that shape every streak (ANALYTICS.md): the minutes that make a day count, and the
-- weekdays the user rests on (ISO weekdays as bits: Monday 1, Tuesday 2, Wednesday 4 … Sunday 64).
alter table progress_settings
    add column streak_min_minutes integer not null default 1,
    add column rest_weekdays      integer not null default 0;

-- Planned breaks (PUT /progress/skip-days): every day from first_day to last_day is a break day. The
-- same days put again are the same break (its reason replaced).
create table skip_days (
    id         uuid primary key,
    user_id    uuid        not null,
    first_day  date        not null,
    last_day   date        not null,
    reason     text,
    created_at timestamptz not null,
    check (last_day >= first_day),
    unique (user_id, first_day, last_day)
);

-- A user's streak rules are part of what the skills cache holds for each of their skills: a change
-- to them notifies every skill of the user (or every skill, when they have too many to name).
create function notify_users_skills_changed() returns trigger language plpgsql as $$
declare
    changed_ids uuid[];
begin
    if TG_OP = 'TRUNCATE' then
        perform pg_notify('skills_changed', '*');
        return null;
    end if;
    select array_agg(distinct id) into changed_ids from (
        select s.id from skills s where s.user_id in (select user_id from changed)
        union all
        select p.skill_id from skill_progress p where p.user_id in (select user_id from changed)) ids;
    if cardinality(changed_ids) > 100 then
        perform pg_notify('skills_changed', '*');
    elsif cardinality(changed_ids) > 0 then
        perform pg_notify('skills_changed', array_to_string(changed_ids, ','));
    end if;
    return null;
end
$$;

do $$
declare
    watched text;
begin
    foreach watched in array array['progress_settings', 'skip_days'] loop
        execute format('create trigger %1$s_inserted after insert on %1$I referencing new table as changed'
            ' for each statement execute function notify_users_skills_changed()', watched);
        execute format('create trigger %1$s_updated after update on %1$I referencing new table as changed'
            ' for each statement execute function notify_users_skills_changed()', watched);
        execute format('create trigger %1$s_deleted after delete on %1$I referencing old table as changed'
            ' for each statement execute function notify_users_skills_changed()', watched);
        execute format('create trigger %1$s_truncated after truncate on %1$I'
            ' for each statement execute function notify_users_skills_changed()', watched);
    end loop;
end
$$;
