package dev.practicetracker.progress.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.consumer.NewestVersions;
import dev.practicetracker.platform.erasure.ErasedUsers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Log facts, one row per log, written a whole batch per statement: an event is applied only when
 * its version is newer than the row's, so duplicates, redelivery, replays and late older versions
 * change nothing, and only when its user was not erased since (see {@link ErasedUsers}).
 */
@ApplicationScoped
public class LogFactRepository {

    /**
     * The batch as a relation, one array per column, less the events of users erased at or after the
     * event ($13: each event's user hash), which must not bring their data back.
     */
    private static final String INCOMING = """
            with incoming (log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence, milestone_id,
                           version, deleted, changed_at, local_hour, activity_type) as (
                select log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence, milestone_id,
                       version, deleted, changed_at, local_hour, activity_type
                  from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::date[], $6::int[], $7::smallint[],
                              $8::smallint[], $9::text[], $10::bigint[], $11::bool[], $12::timestamptz[], $13::bytea[],
                              $14::smallint[], $15::text[])
                       as batch (log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence,
                                 milestone_id, version, deleted, changed_at, user_hash, local_hour, activity_type)
                 where %s),
            """.formatted(ErasedUsers.notErasedSql("batch.user_hash", "batch.changed_at"));

    /** Writes the facts whose version is newer (a log's skill and user never change). */
    private static final String WRITTEN = """
            written as (
                insert into log_facts (log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence,
                                       milestone_id, version, deleted, changed_at, local_hour, activity_type)
                select * from incoming
                on conflict (log_id) do update set date_practiced = excluded.date_practiced, local_date = excluded.local_date,
                    minutes = excluded.minutes, difficulty = excluded.difficulty, confidence = excluded.confidence,
                    milestone_id = excluded.milestone_id, version = excluded.version, deleted = excluded.deleted,
                    changed_at = excluded.changed_at, local_hour = excluded.local_hour, activity_type = excluded.activity_type
                where log_facts.version < excluded.version
                returning log_id, skill_id, local_date, user_id, changed_at, deleted)""";

    /**
     * Writes the facts and answers what that changed, with the change times of the written facts: a
     * log new to the projection (and not deleted) is an addition, named by its id; any other write
     * names the (skill, day) pairs it touched (the log's day, and the day it was on before when its
     * date moved), whose aggregates must be recomputed.
     */
    private static final String UPSERT_ALL = INCOMING + """
            previous as (select f.log_id, f.skill_id, f.local_date, f.user_id from log_facts f join incoming i on i.log_id = f.log_id),
            """ + WRITTEN + """

            select w.skill_id, w.local_date, w.user_id, w.changed_at,
                   case when not w.deleted and not exists (select 1 from previous p where p.log_id = w.log_id) then w.log_id end
                       as added_log
              from written w
            union
            select p.skill_id, p.local_date, p.user_id, w.changed_at, null from previous p join written w on w.log_id = p.log_id""";

    /**
     * Writes the facts and marks the skills and users they belong to as stale, answering nothing: what
     * a backlog batch does (see {@link FigureRepository#recompute}). A skill or user already marked
     * costs nothing more; the marking time is the statement's own clock, not its transaction's start.
     * Each marking adds its time (backlog batches of other partitions mark side by side, and an update
     * of one row would make each wait for the other's commit).
     */
    private static final String UPSERT_ALL_MARKING_STALE = INCOMING + WRITTEN + """
            ,
            skills as (insert into stale_skills select distinct skill_id from written on conflict do nothing),
            users as (insert into stale_users select distinct user_id from written on conflict do nothing)
            insert into stale_marked (at) select clock_timestamp() where exists (select 1 from written)""";

    /**
     * Writes the facts (an erased user's from before the erasure left out).
     *
     * @return what changed (nothing when no fact was newer)
     */
    public Uni<AppliedFacts> saveAll(SqlClient client, Collection<LogFact> batch) {
        List<LogFact> facts = NewestVersions.of(batch, LogFact::logId, LogFact::version);
        if (facts.isEmpty()) {
            return Uni.createFrom().item(new AppliedFacts(List.of(), Set.of(), Map.of(), Map.of()));
        }
        return client.preparedQuery(UPSERT_ALL).execute(columns(facts)).map(AppliedFacts::of);
    }

    /**
     * Writes the facts of a backlog batch and marks the skills and users of those a newer version
     * changed as stale, in one statement: their days and figures are recomputed once the backlog is over.
     */
    public Uni<Void> saveAllMarkingStale(SqlClient client, Collection<LogFact> batch) {
        List<LogFact> facts = NewestVersions.of(batch, LogFact::logId, LogFact::version);
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(UPSERT_ALL_MARKING_STALE).execute(columns(facts)).replaceWithVoid();
    }

    private static Tuple columns(List<LogFact> facts) {
        int size = facts.size();
        UUID[] logs = new UUID[size], users = new UUID[size], skills = new UUID[size];
        OffsetDateTime[] practiced = new OffsetDateTime[size], changed = new OffsetDateTime[size];
        LocalDate[] days = new LocalDate[size];
        Integer[] minutes = new Integer[size];
        Short[] difficulty = new Short[size], confidence = new Short[size];
        String[] milestones = new String[size];
        Long[] versions = new Long[size];
        Boolean[] deleted = new Boolean[size];
        Short[] hours = new Short[size];
        String[] activities = new String[size];
        for (int i = 0; i < size; i++) {
            LogFact fact = facts.get(i);
            logs[i] = fact.logId();
            users[i] = fact.userId();
            skills[i] = fact.skillId();
            practiced[i] = fact.datePracticed().atOffset(ZoneOffset.UTC);
            days[i] = fact.localDate();
            minutes[i] = fact.minutes();
            difficulty[i] = fact.difficulty() == null ? null : fact.difficulty().shortValue();
            confidence[i] = fact.confidence() == null ? null : fact.confidence().shortValue();
            milestones[i] = fact.milestoneId();
            versions[i] = fact.version();
            deleted[i] = fact.deleted();
            changed[i] = fact.changedAt().atOffset(ZoneOffset.UTC);
            hours[i] = (short) fact.localHour();
            activities[i] = fact.activityType();
        }
        return Tuple.tuple(Arrays.asList(logs, users, skills, practiced, days, minutes, difficulty, confidence, milestones, versions,
                deleted, changed, ErasedUsers.userHashes(facts, LogFact::userId), hours, activities));
    }
}
