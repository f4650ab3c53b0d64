package dev.practicetracker.platform.idempotency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@link IdempotencyRecord}s with the reactive SQL client, for services that write without Hibernate. */
@ApplicationScoped
public class IdempotencySql {

    private static final String FIND = "select request_hash, status, location, version, body, created_at from idempotency_keys"
            + " where user_id = $1 and idempotency_key = $2 and created_at >= $3";
    private static final String DELETE_EXPIRED = "delete from idempotency_keys where user_id = $1 and idempotency_key = $2 and created_at < $3";
    private static final String INSERT = "insert into idempotency_keys (user_id, idempotency_key, request_hash, status, location,"
            + " version, body, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)";

    private final Pool pool;

    public IdempotencySql(Pool pool) {
        this.pool = pool;
    }

    Uni<IdempotencyRecord> findSince(UUID userId, String key, Instant since) {
        return pool.preparedQuery(FIND).execute(Tuple.of(userId, key, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? null : toRecord(userId, key, rows.iterator().next()));
    }

    Uni<Void> deleteExpired(SqlClient client, UUID userId, String key, Instant before) {
        return client.preparedQuery(DELETE_EXPIRED).execute(Tuple.of(userId, key, before.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    Uni<Void> insert(SqlClient client, IdempotencyRecord record) {
        return client.preparedQuery(INSERT).execute(Tuple.tuple(List.of(record.userId(), record.idempotencyKey(), record.requestHash(),
                record.status(), record.location(), record.version(), record.body(), record.createdAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static IdempotencyRecord toRecord(UUID userId, String key, Row row) {
        return new IdempotencyRecord(userId, key, row.getString("request_hash"), row.getInteger("status"), row.getString("location"),
                row.getLong("version"), row.getString("body"), row.getOffsetDateTime("created_at").toInstant());
    }
}
