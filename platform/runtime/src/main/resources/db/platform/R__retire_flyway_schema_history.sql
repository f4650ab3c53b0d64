-- The services record their migrations in schema_history. A database created before that kept them in
-- flyway_schema_history: Flyway finds it without schema_history and baselines it at the service's
-- quarkus.flyway.baseline-version, the last version the earlier scripts had. This checks that the
-- database had indeed run all of them, then drops the old table. A fresh database has neither.
do $$
declare
    baseline text;
    reached  text;
begin
    if to_regclass('flyway_schema_history') is null then
        return;
    end if;
    select version into baseline from schema_history where type = 'BASELINE';
    select max(version::numeric)::text into reached from flyway_schema_history where success and version is not null;
    if baseline is distinct from reached then
        raise exception 'the previous migrations brought this database to version %, not %: start the previous release once to finish them',
            reached, baseline;
    end if;
    drop table flyway_schema_history;
end
$$;
