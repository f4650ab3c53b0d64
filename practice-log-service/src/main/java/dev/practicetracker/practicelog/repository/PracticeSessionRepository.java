package dev.practicetracker.practicelog.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.PracticeSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Live sessions; at most one live (active or paused) per user and skill (a partial unique index). */
@ApplicationScoped
public class PracticeSessionRepository {

    private static final String COLUMNS = "id, user_id, skill_id, started_at, ended_at, status, log_id, version, planned_minutes,"
            + " paused_at, paused_seconds, practised_minutes";

    /** Ended sessions by outcome and their average practised minutes, for the statistics. */
    public record Counts(long completed, long partial, long abandoned, double averageMinutes) {
    }

    private final Pool pool;

    public PracticeSessionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<PracticeSession> insert(SqlClient client, PracticeSession session) {
        return client.preparedQuery("insert into practice_sessions (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .execute(Tuple.tuple(Arrays.asList(session.id(), session.userId(), session.skillId(),
                        session.startedAt().atOffset(ZoneOffset.UTC), null, session.status().toString(), null, session.version(),
                        session.plannedMinutes(), null, 0L, null)))
                .replaceWith(session);
    }

    public Uni<PracticeSession> findOwnedForUpdate(SqlConnection connection, UUID userId, UUID id) {
        return connection.preparedQuery("select " + COLUMNS + " from practice_sessions where id = $1 and user_id = $2 for update")
                .execute(Tuple.of(id, userId)).map(rows -> rows.size() == 0 ? null : toSession(rows.iterator().next()));
    }

    /** Writes what a pause, a resume or the end changed. */
    public Uni<PracticeSession> save(SqlConnection connection, PracticeSession session) {
        return connection.preparedQuery("update practice_sessions set ended_at = $2, status = $3, log_id = $4, version = $5,"
                + " paused_at = $6, paused_seconds = $7, practised_minutes = $8 where id = $1")
                .execute(Tuple.tuple(Arrays.asList(session.id(), utc(session.endedAt()), session.status().toString(), session.logId(),
                        session.version(), utc(session.pausedAt()), session.pausedFor().toSeconds(), session.practisedMinutes())))
                .replaceWith(session);
    }

    /**
     * One page of the sessions the query selects (started in its window), optionally of one status,
     * newest first (started_at, then id): {@code limit} of them at most.
     */
    public Uni<List<PracticeSession>> page(HistoryQuery query, PracticeSession.Status status, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(query.userId()));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from practice_sessions where user_id = $1");
        if (status != null) {
            parameters.add(status.toString());
            sql.append(" and status = $").append(parameters.size());
        }
        if (query.skillId() != null) {
            parameters.add(query.skillId());
            sql.append(" and skill_id = $").append(parameters.size());
        }
        if (query.from() != null) {
            parameters.add(query.from().atOffset(ZoneOffset.UTC));
            sql.append(" and started_at >= $").append(parameters.size());
        }
        if (query.until() != null) {
            parameters.add(query.until().atOffset(ZoneOffset.UTC));
            sql.append(" and started_at < $").append(parameters.size());
        }
        if (query.after() != null) {
            parameters.add(query.after().position().atOffset(ZoneOffset.UTC));
            parameters.add(query.after().id());
            sql.append(" and (started_at, id) < ($").append(parameters.size() - 1).append(", $").append(parameters.size()).append(")");
        }
        parameters.add(limit);
        sql.append(" order by started_at desc, id desc limit $").append(parameters.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(parameters)).map(PracticeSessionRepository::all);
    }

    public Uni<Counts> counts(UUID userId, UUID skillId) {
        String sql = "select count(*) filter (where status = 'completed') as completed,"
                + " count(*) filter (where status = 'partial') as partial,"
                + " count(*) filter (where status = 'abandoned') as abandoned,"
                + " coalesce(avg(practised_minutes) filter (where ended_at is not null), 0) as average_minutes"
                + " from practice_sessions where user_id = $1" + (skillId == null ? "" : " and skill_id = $2");
        Tuple parameters = skillId == null ? Tuple.of(userId) : Tuple.of(userId, skillId);
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Row row = rows.iterator().next();
            return new Counts(row.getLong("completed"), row.getLong("partial"), row.getLong("abandoned"),
                    row.getNumeric("average_minutes").doubleValue());
        });
    }

    public Uni<Void> deleteOfSkill(SqlClient client, UUID userId, UUID skillId) {
        return client.preparedQuery("delete from practice_sessions where skill_id = $1 and user_id = $2")
                .execute(Tuple.of(skillId, userId)).replaceWithVoid();
    }

    public Uni<Void> deleteAllOf(SqlClient client, UUID userId) {
        return client.preparedQuery("delete from practice_sessions where user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static List<PracticeSession> all(RowSet<Row> rows) {
        List<PracticeSession> sessions = new ArrayList<>(rows.size());
        rows.forEach(row -> sessions.add(toSession(row)));
        return sessions;
    }

    private static PracticeSession toSession(Row row) {
        return new PracticeSession(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("skill_id"),
                row.getOffsetDateTime("started_at").toInstant(), instant(row, "ended_at"),
                PracticeSession.Status.of(row.getString("status")), row.getUUID("log_id"), row.getLong("version"),
                row.getInteger("planned_minutes"), instant(row, "paused_at"), Duration.ofSeconds(row.getLong("paused_seconds")),
                row.getInteger("practised_minutes"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
