-- Each replica keeps the skills it has read in memory (SkillProgressCache) and drops one as soon as
-- any of the three tables its read joins changes for it. Triggers, not the writers, say so: no
-- statement of the consumers, the drain, the rebuild, an erasure or an operator's SQL is missed.
-- They run once per statement (over its transition table) and notify on commit only: a rolled-back
-- write tells no one. The payload is the changed skills' ids, comma-separated, or '*' for every skill
-- when a statement changed more than fit in one notification (PostgreSQL's limit is 8 000 bytes).
create function notify_skills_changed() returns trigger language plpgsql as $$
declare
    changed_ids uuid[];
begin
    if TG_OP = 'TRUNCATE' then
        perform pg_notify('skills_changed', '*');
        return null;
    end if;
    if TG_TABLE_NAME = 'skills' then
        select array_agg(distinct id) into changed_ids from changed;
    else
        select array_agg(distinct skill_id) into changed_ids from changed;
    end if;
    if cardinality(changed_ids) > 100 then
        perform pg_notify('skills_changed', '*');
    elsif cardinality(changed_ids) > 0 then
        perform pg_notify('skills_changed', array_to_string(changed_ids, ','));
    end if;
    return null;
end
$$;

-- a transition table serves one event per trigger: three triggers for each table, and one for truncate
do $$
declare
    watched text;
begin
    foreach watched in array array['skills', 'skill_progress', 'milestone_status'] loop
        execute format('create trigger %1$s_inserted after insert on %1$I referencing new table as changed'
            ' for each statement execute function notify_skills_changed()', watched);
        execute format('create trigger %1$s_updated after update on %1$I referencing new table as changed'
            ' for each statement execute function notify_skills_changed()', watched);
        execute format('create trigger %1$s_deleted after delete on %1$I referencing old table as changed'
            ' for each statement execute function notify_skills_changed()', watched);
        execute format('create trigger %1$s_truncated after truncate on %1$I'
            ' for each statement execute function notify_skills_changed()', watched);
    end loop;
end
$$;
