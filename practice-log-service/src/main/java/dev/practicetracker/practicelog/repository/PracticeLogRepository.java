package dev.practicetracker.practicelog.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.practicelog.ActivityType;
import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.PracticeLog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Practice logs in SQL. Every query is scoped by the owner: another user's log is simply not found.
 * A write and its outbox event go in one statement ({@link Outbox#statementWithEvents}), so they
 * commit together in a single round trip.
 */
@ApplicationScoped
public class PracticeLogRepository {

    /** Every column of a log, in the order {@link #toLog} reads them. */
    static final String COLUMNS = "id, user_id, skill_id, date_practiced, local_date, zone, duration, description,"
            + " difficulty_rating, confidence_rating, activity_type, milestone_id, version, created_at, updated_at, milestone_completed";
    /**
     * Inserts the log, with its event and the next number of its user's change feed, only while its
     * skill is live, holding a share lock on the skill's projection row: a concurrent
     * {@code skill.deleted} cascade either waits for this insert (and then deletes it too) or has
     * already marked the skill deleted (and nothing is inserted: zero rows).
     */
    private static final String INSERT_WITH_EVENT = Outbox.statementWithEvents(
            "live as (select id from known_skills where id = $3 and user_id = $2 and not deleted for share), "
            + ChangeFeedRepository.takeNumbers("select $2::uuid, 1::bigint from live")
            + ", written as (insert into practice_logs (" + COLUMNS + ", change_seq)"
            + " select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, last_seq from feed"
            + " returning id)", 16, "where exists (select 1 from written)");
    private static final String UPDATE_WITH_EVENT = Outbox.statementWithEvents(
            ChangeFeedRepository.takeNumbers("select $2::uuid, 1::bigint") + """
            , written as (update practice_logs set date_practiced = $3, local_date = $4, zone = $5, duration = $6,
                description = $7, difficulty_rating = $8, confidence_rating = $9, activity_type = $10, milestone_id = $11,
                version = $12, updated_at = $13, milestone_completed = $14, change_seq = (select last_seq from feed)
             where id = $1 and user_id = $2)""", 14, "");
    /** Deletes the log and leaves its tombstone in the feed ($3 the time of the deletion). */
    private static final String DELETE_WITH_EVENT = Outbox.statementWithEvents(
            "gone as (delete from practice_logs where id = $1 and user_id = $2 returning id), "
            + ChangeFeedRepository.takeNumbers("select $2::uuid, count(*) from gone having count(*) > 0")
            + ", " + ChangeFeedRepository.tombstones("$2", "select id, $3::timestamptz from gone"), 3, "");
    private static final String FIND = "select " + COLUMNS + " from practice_logs where id = $1 and user_id = $2";
    /**
     * The import's logs and their events, only while every skill they name is the user's and live,
     * share-locked as for a single insert: one
     * statement, so they commit together or not at all, with or without an idempotency key. ($17 the
     * skills, $18 the user, $19 how many skills, $20 how many logs, after the sixteen columns; $21 each
     * log's import key or null.) The logs take consecutive numbers of the user's feed, in the order given.
     */
    private static final String INSERT_MANY_WITH_EVENTS = Outbox.statementWithEvents("live as (select count(*) as skills from"
            + " (select id from known_skills where id = any($17) and user_id = $18 and not deleted for share) locked), "
            + ChangeFeedRepository.takeNumbers("select $18::uuid, $20::bigint from live where skills = $19")
            + ", written as (insert into practice_logs (" + COLUMNS + ", change_seq, import_key) select " + COLUMNS
            + ", feed.last_seq - $20 + n, import_key from unnest($1::uuid[],"
            + " $2::uuid[], $3::uuid[], $4::timestamptz[], $5::date[], $6::text[], $7::int[], $8::text[], $9::smallint[],"
            + " $10::smallint[], $11::text[], $12::text[], $13::bigint[], $14::timestamptz[], $15::timestamptz[], $16::bool[],"
            + " $21::text[]) with ordinality as given (" + COLUMNS + ", import_key, n), feed)", 21,
            "where (select skills from live) = $19");
    /** A skill's logs go, each leaving its tombstone ($3 the time of the deletion). */
    private static final String DELETE_OF_SKILL = "with gone as (delete from practice_logs where skill_id = $1 and user_id = $2"
            + " returning " + COLUMNS + "), "
            + ChangeFeedRepository.takeNumbers("select $2::uuid, count(*) from gone having count(*) > 0")
            + ", " + ChangeFeedRepository.tombstones("$2", "select id, $3::timestamptz from gone")
            + " select " + COLUMNS + " from gone";

    private final Pool pool;
    private final Outbox outbox;

    public PracticeLogRepository(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** @return the log, or null when its skill was deleted meanwhile (nothing written) */
    public Uni<PracticeLog> insertWithEvent(SqlClient client, PracticeLog log, OutboxMessage event) {
        return outbox.executeWithEvents(client, INSERT_WITH_EVENT, columnValues(log), List.of(event))
                .map(rows -> rows.rowCount() == 1 ? log : null);
    }

    public Uni<PracticeLog> updateWithEvent(SqlConnection connection, PracticeLog log, OutboxMessage event) {
        List<Object> values = Arrays.asList(log.id, log.userId, utc(log.datePracticed), log.localDate, log.zone, log.duration,
                log.description, toShort(log.difficultyRating), toShort(log.confidenceRating), log.activityType.toString(),
                log.milestoneId, log.version, utc(log.updatedAt), log.milestoneCompleted);
        return outbox.executeWithEvents(connection, UPDATE_WITH_EVENT, values, List.of(event)).replaceWith(log);
    }

    /** Deletes the log, its tombstone dated its last {@code updatedAt}. */
    public Uni<Void> deleteWithEvent(SqlConnection connection, PracticeLog log, OutboxMessage event) {
        return outbox.executeWithEvents(connection, DELETE_WITH_EVENT, Arrays.asList(log.id, log.userId, utc(log.updatedAt)),
                List.of(event))
                .replaceWithVoid();
    }

    public Uni<PracticeLog> findOwned(UUID userId, UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id, userId)).map(PracticeLogRepository::first);
    }

    /** For a change: the row stays locked until the transaction ends, so concurrent writes queue up. */
    public Uni<PracticeLog> findOwnedForUpdate(SqlConnection connection, UUID userId, UUID id) {
        return connection.preparedQuery(FIND + " for update").execute(Tuple.of(id, userId)).map(PracticeLogRepository::first);
    }

    /** Newest first, {@code limit + 1} rows so the caller can tell whether another page exists. */
    public Uni<List<PracticeLog>> page(HistoryQuery query, int limit) {
        List<Object> parameters = new ArrayList<>();
        String sql = history(query, parameters) + " limit $" + (parameters.size() + 1);
        parameters.add(limit);
        return pool.preparedQuery(sql).execute(Tuple.tuple(parameters)).map(PracticeLogRepository::all);
    }

    /** Every matching log, newest first, read in chunks through a cursor: never the whole history in memory. */
    public Multi<PracticeLog> stream(HistoryQuery query, int chunkSize) {
        List<Object> parameters = new ArrayList<>();
        String sql = history(query, parameters);
        return Multi.createFrom().resourceFromUni(pool::getConnection, connection -> connection.begin()
                .onItem().transformToMulti(transaction -> connection.prepare(sql)
                        .onItem().transformToMulti(statement -> statement.createStream(chunkSize, Tuple.tuple(parameters)).toMulti())
                        .map(PracticeLogRepository::toLog)
                        .onCompletion().call(transaction::commit)))
                .withFinalizer(SqlConnection::close);
    }

    /**
     * Many logs and their events in one statement (the import): arrays in.
     *
     * @return false, with nothing written, when one of the skills is no longer the user's live skill
     */
    public Uni<Boolean> insertAllWithEvents(SqlClient client, UUID userId, Set<UUID> skillIds, List<PracticeLog> logs,
            List<OutboxMessage> events) {
        return insertAllWithEvents(client, userId, skillIds, logs, new String[logs.size()], events);
    }

    /**
     * Many logs, each with its key in the tracker it was imported from, and their events in one
     * statement: a key the user's logs already hold fails it (a unique violation).
     *
     * @return false, with nothing written, when one of the skills is no longer the user's live skill
     */
    public Uni<Boolean> insertAllWithEvents(SqlClient client, UUID userId, Set<UUID> skillIds, List<PracticeLog> logs,
            String[] importKeys, List<OutboxMessage> events) {
        int size = logs.size();
        UUID[] ids = new UUID[size], users = new UUID[size], skills = new UUID[size];
        OffsetDateTime[] practiced = new OffsetDateTime[size], created = new OffsetDateTime[size], updated = new OffsetDateTime[size];
        LocalDate[] days = new LocalDate[size];
        String[] zones = new String[size], descriptions = new String[size], types = new String[size], milestones = new String[size];
        Integer[] durations = new Integer[size];
        Short[] difficulty = new Short[size], confidence = new Short[size];
        Long[] versions = new Long[size];
        Boolean[] completed = new Boolean[size];
        for (int i = 0; i < size; i++) {
            PracticeLog log = logs.get(i);
            ids[i] = log.id;
            users[i] = log.userId;
            skills[i] = log.skillId;
            practiced[i] = utc(log.datePracticed);
            days[i] = log.localDate;
            zones[i] = log.zone;
            durations[i] = log.duration;
            descriptions[i] = log.description;
            difficulty[i] = toShort(log.difficultyRating);
            confidence[i] = toShort(log.confidenceRating);
            types[i] = log.activityType.toString();
            milestones[i] = log.milestoneId;
            versions[i] = log.version;
            created[i] = utc(log.createdAt);
            updated[i] = utc(log.updatedAt);
            completed[i] = log.milestoneCompleted;
        }
        List<Object> parameters = Arrays.asList(ids, users, skills, practiced, days, zones, durations, descriptions,
                difficulty, confidence, types, milestones, versions, created, updated, completed, skillIds.toArray(UUID[]::new), userId,
                (long) skillIds.size(), (long) size, importKeys);
        return outbox.executeWithEvents(client, INSERT_MANY_WITH_EVENTS, parameters, events)
                .map(rows -> rows.rowCount() == events.size());
    }

    /**
     * Which of these import keys the user's logs hold: one probe of the keys' index per key (as
     * {@code import_key = any($2)} the planner may filter the user's logs against the whole array instead).
     */
    public Uni<Set<String>> importKeysHeld(UUID userId, Collection<String> keys) {
        return pool.preparedQuery("select k.key from unnest($2::text[]) as k (key)"
                + " where exists (select 1 from practice_logs where user_id = $1 and import_key = k.key)")
                .execute(Tuple.of(userId, keys.toArray(String[]::new))).map(rows -> {
                    Set<String> held = new HashSet<>();
                    rows.forEach(row -> held.add(row.getString(0)));
                    return held;
                });
    }

    /** Every user's logs in id order, a chunk at a time (for republishing). */
    public Uni<List<PracticeLog>> chunkAfter(SqlClient client, UUID after, int size) {
        return client.preparedQuery("select " + COLUMNS + " from practice_logs where id > $1 order by id limit $2")
                .execute(Tuple.of(after, size)).map(PracticeLogRepository::all);
    }

    /** Deletes a skill's logs, leaving their tombstones dated {@code at}, and returns their last states. */
    public Uni<List<PracticeLog>> deleteOfSkill(SqlClient client, UUID userId, UUID skillId, Instant at) {
        return client.preparedQuery(DELETE_OF_SKILL).execute(Tuple.of(skillId, userId, utc(at))).map(PracticeLogRepository::all);
    }

    /** The user's logs and their change feed, tombstones and all. */
    public Uni<Void> deleteAllOf(SqlClient client, UUID userId) {
        return client.preparedQuery("with logs as (delete from practice_logs where user_id = $1),"
                + " tombstones as (delete from log_tombstones where user_id = $1)"
                + " delete from log_feeds where user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    /** Keyset query on {@code (date_practiced, id)}: one index range scan per page at any depth, no OFFSET. */
    private static String history(HistoryQuery query, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from practice_logs where user_id = $1");
        parameters.add(query.userId());
        if (query.skillId() != null) {
            parameters.add(query.skillId());
            sql.append(" and skill_id = $").append(parameters.size());
        }
        if (query.from() != null) {
            parameters.add(utc(query.from()));
            sql.append(" and date_practiced >= $").append(parameters.size());
        }
        if (query.until() != null) {
            parameters.add(utc(query.until()));
            sql.append(" and date_practiced < $").append(parameters.size());
        }
        if (query.after() != null) {
            parameters.add(utc(query.after().position()));
            parameters.add(query.after().id());
            sql.append(" and (date_practiced, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(')');
        }
        return sql.append(" order by date_practiced desc, id desc").toString();
    }

    private static List<Object> columnValues(PracticeLog log) {
        return Arrays.asList(log.id, log.userId, log.skillId, utc(log.datePracticed), log.localDate, log.zone, log.duration,
                log.description, toShort(log.difficultyRating), toShort(log.confidenceRating), log.activityType.toString(),
                log.milestoneId, log.version, utc(log.createdAt), utc(log.updatedAt), log.milestoneCompleted);
    }

    private static PracticeLog first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : toLog(rows.iterator().next());
    }

    private static List<PracticeLog> all(RowSet<Row> rows) {
        List<PracticeLog> logs = new ArrayList<>(rows.size());
        rows.forEach(row -> logs.add(toLog(row)));
        return logs;
    }

    /** A row of {@link #COLUMNS}, read by position: by name, each of the sixteen values is a search of the column names. */
    static PracticeLog toLog(Row row) {
        return toLog(row, 0);
    }

    /** The log whose {@link #COLUMNS} start at position {@code first} of the row. */
    static PracticeLog toLog(Row row, int first) {
        PracticeLog log = new PracticeLog();
        log.id = row.getUUID(first);
        log.userId = row.getUUID(first + 1);
        log.skillId = row.getUUID(first + 2);
        log.datePracticed = row.getOffsetDateTime(first + 3).toInstant();
        log.localDate = row.getLocalDate(first + 4);
        log.zone = row.getString(first + 5);
        log.duration = row.getInteger(first + 6);
        log.description = row.getString(first + 7);
        log.difficultyRating = row.getInteger(first + 8);
        log.confidenceRating = row.getInteger(first + 9);
        log.activityType = ActivityType.of(row.getString(first + 10));
        log.milestoneId = row.getString(first + 11);
        log.version = row.getLong(first + 12);
        log.createdAt = row.getOffsetDateTime(first + 13).toInstant();
        log.updatedAt = row.getOffsetDateTime(first + 14).toInstant();
        log.milestoneCompleted = row.getBoolean(first + 15);
        return log;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Short toShort(Integer value) {
        return value == null ? null : value.shortValue();
    }
}
