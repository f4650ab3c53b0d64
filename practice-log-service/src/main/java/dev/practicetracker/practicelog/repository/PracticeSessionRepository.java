package dev.practicetracker.practicelog.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.practicelog.PracticeSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Live sessions; at most one active per user and skill (a partial unique index). */
@ApplicationScoped
public class PracticeSessionRepository {

    private static final String COLUMNS = "id, user_id, skill_id, started_at, ended_at, status, log_id, version";

    /** Ended sessions by outcome, for completion statistics. */
    public record Counts(long completed, long partial, long abandoned) {
    }

    private final Pool pool;

    public PracticeSessionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<PracticeSession> insert(SqlClient client, PracticeSession session) {
        return client.preparedQuery("insert into practice_sessions (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple(Arrays.asList(session.id(), session.userId(), session.skillId(),
                        session.startedAt().atOffset(ZoneOffset.UTC), null, session.status().toString(), null, session.version())))
                .replaceWith(session);
    }

    public Uni<PracticeSession> findOwnedForUpdate(SqlConnection connection, UUID userId, UUID id) {
        return connection.preparedQuery("select " + COLUMNS + " from practice_sessions where id = $1 and user_id = $2 for update")
                .execute(Tuple.of(id, userId)).map(rows -> rows.size() == 0 ? null : toSession(rows.iterator().next()));
    }

    public Uni<PracticeSession> saveEnded(SqlConnection connection, PracticeSession session) {
        return connection.preparedQuery("update practice_sessions set ended_at = $2, status = $3, log_id = $4, version = $5 where id = $1")
                .execute(Tuple.of(session.id(), session.endedAt().atOffset(ZoneOffset.UTC), session.status().toString(),
                        session.logId(), session.version()))
                .replaceWith(session);
    }

    /** The caller's sessions, newest first, optionally of one status. */
    public Uni<List<PracticeSession>> ofUser(UUID userId, PracticeSession.Status status, int limit) {
        String sql = "select " + COLUMNS + " from practice_sessions where user_id = $1"
                + (status == null ? "" : " and status = $3") + " order by started_at desc, id desc limit $2";
        Tuple parameters = status == null ? Tuple.of(userId, limit) : Tuple.of(userId, limit, status.toString());
        return pool.preparedQuery(sql).execute(parameters).map(PracticeSessionRepository::all);
    }

    public Uni<Counts> counts(UUID userId, UUID skillId) {
        String sql = "select count(*) filter (where status = 'completed') as completed,"
                + " count(*) filter (where status = 'partial') as partial,"
                + " count(*) filter (where status = 'abandoned') as abandoned"
                + " from practice_sessions where user_id = $1" + (skillId == null ? "" : " and skill_id = $2");
        Tuple parameters = skillId == null ? Tuple.of(userId) : Tuple.of(userId, skillId);
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Row row = rows.iterator().next();
            return new Counts(row.getLong("completed"), row.getLong("partial"), row.getLong("abandoned"));
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
        var ended = row.getOffsetDateTime("ended_at");
        return new PracticeSession(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("skill_id"),
                row.getOffsetDateTime("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                PracticeSession.Status.of(row.getString("status")), row.getUUID("log_id"), row.getLong("version"));
    }

}
