package dev.practicetracker.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.database.SessionWrites;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.UniqueViolation;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.time.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code Idempotency-Key} on creating POSTs (API.md): a retry with the same key and body within
 * 24 h gets the first answer and creates nothing; the same key with another body is a 422. The
 * key's record is written in the same transaction as the resource (and its outbox events), so a
 * crash cannot separate them, and two concurrent retries cannot both create: the loser of the
 * primary-key race replays. One API whichever way the service writes: {@code create} with a function
 * of the SQL client's transaction, or with a supplier run in the current Hibernate Reactive session.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    static final Duration RETENTION = Duration.ofHours(24);

    private static final String FIND = "select request_hash, status, location, version, body, created_at from idempotency_keys"
            + " where user_id = $1 and idempotency_key = $2 and created_at >= $3";
    private static final String DELETE_EXPIRED = "delete from idempotency_keys where user_id = $1 and idempotency_key = $2 and created_at < $3";
    private static final String INSERT = "insert into idempotency_keys (user_id, idempotency_key, request_hash, status, location,"
            + " version, body, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)";
    private static final String DELETE_OF_USER = "delete from idempotency_keys where user_id = $1";

    /** What a create produced: where it lives (null for a bulk create), its version (the ETag) and its representation. */
    public record Created(String location, long version, Object body) {
    }

    /**
     * The answer to a create: the one just made, or the first one to this key, replayed.
     *
     * @param body the representation (a replay's is its JSON text)
     */
    public record Answer(int status, String location, long version, Object body) {

        static Answer of(Created created) {
            return new Answer(Response.Status.CREATED.getStatusCode(), created.location(), created.version(), created.body());
        }

        /** The HTTP response: a create of one resource says where it is and its version; a bulk create (an import) has neither. */
        public Response toResponse() {
            Response.ResponseBuilder response = Response.status(status).entity(body);
            if (body instanceof String) {
                response.type(MediaType.APPLICATION_JSON);
            }
            if (location != null) {
                response.location(URI.create(location)).tag(ResourceResponses.etag(version));
            }
            return response.build();
        }
    }

    private final Outbox outbox;
    private final Pool pool;
    private final Instance<SessionWrites> session;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentCreates(Outbox outbox, Pool pool, Instance<SessionWrites> session, ObjectMapper mapper, Clock clock) {
        this.outbox = outbox;
        this.pool = pool;
        this.session = session;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code create} with the SQL client and answers, or replays the first answer to this key.
     * Without a key {@code create} runs on the pool, so it must be a single statement (its own
     * transaction: no BEGIN and COMMIT round trips on the hot path); with one, in a transaction with
     * the key's record.
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<Answer> create(UUID userId, String key, Object request, Function<SqlClient, Uni<Created>> create) {
        if (key == null) {
            return outbox.inStatement(create).map(Answer::of);
        }
        return keyed(userId, key, request, since -> pool.preparedQuery(FIND).execute(Tuple.of(userId, key, utc(since)))
                .map(rows -> rows.size() == 0 ? null : toRecord(userId, key, rows.iterator().next())),
                (since, record) -> outbox.inTransaction(connection -> connection.preparedQuery(DELETE_EXPIRED)
                        .execute(Tuple.of(userId, key, utc(since)))
                        .chain(() -> create.apply(connection))
                        .call(created -> insert(connection, record.apply(created)))));
    }

    /**
     * Runs {@code create} in one transaction of the current Hibernate Reactive session and answers,
     * or replays the first answer to this key.
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<Answer> create(UUID userId, String key, Object request, Supplier<Uni<Created>> create) {
        if (key == null) {
            return outbox.inTransaction(create).map(Answer::of);
        }
        SessionWrites writes = session.get();
        return keyed(userId, key, request, since -> writes.findIdempotencyRecord(userId, key, since),
                (since, record) -> outbox.inTransaction(() -> writes.deleteIdempotencyRecord(userId, key, since)
                        .chain(create::get)
                        .call(created -> writes.saveIdempotencyRecord(record.apply(created)))));
    }

    /** Forgets the user's keys (an erasure), in the caller's SQL transaction. */
    public Uni<Void> forget(SqlClient transaction, UUID userId) {
        return transaction.preparedQuery(DELETE_OF_USER).execute(Tuple.of(userId)).replaceWithVoid();
    }

    /** Forgets the user's keys (an erasure), in the current Hibernate Reactive transaction. */
    public Uni<Void> forget(UUID userId) {
        return session.get().deleteIdempotencyRecords(userId);
    }

    /**
     * The key's protocol, whichever way the service writes: replay an answer given since the
     * retention cut-off, or create and record the answer in one transaction (dropping an expired
     * record of the key first); the loser of a race for the key replays the winner's answer.
     *
     * @param findSince the key's record written since the given instant, or null
     * @param createRecorded runs the create, in one transaction with the record made from its result,
     *        after deleting the key's record from before the given instant
     */
    private Uni<Answer> keyed(UUID userId, String key, Object request, Function<Instant, Uni<IdempotencyRecord>> findSince,
            BiFunction<Instant, Function<Created, IdempotencyRecord>, Uni<Created>> createRecorded) {
        requireValid(key);
        String requestHash = hash(request);
        Instant now = Timestamps.now(clock);
        Instant since = now.minus(RETENTION);
        return findSince.apply(since).chain(earlier -> earlier != null
                ? Uni.createFrom().item(replay(earlier, requestHash))
                : createRecorded.apply(since, created -> record(userId, key, requestHash, created, now))
                        .map(Answer::of)
                        .onFailure(IdempotentCreates::isDuplicateKey)
                        .recoverWithUni(() -> findSince.apply(since).map(winner -> replay(winner, requestHash))));
    }

    private static void requireValid(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private IdempotencyRecord record(UUID userId, String key, String requestHash, Created created, Instant now) {
        return new IdempotencyRecord(userId, key, requestHash, Response.Status.CREATED.getStatusCode(), created.location(),
                created.version(), json(created.body()), now);
    }

    private static Answer replay(IdempotencyRecord earlier, String requestHash) {
        if (earlier == null) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still being processed");
        }
        if (!earlier.requestHash().equals(requestHash)) {
            throw ProblemException.idempotencyKeyReused();
        }
        return new Answer(earlier.status(), earlier.location(), earlier.version(), earlier.body());
    }

    private static Uni<Void> insert(SqlClient client, IdempotencyRecord record) {
        return client.preparedQuery(INSERT).execute(Tuple.tuple(List.of(record.userId(), record.idempotencyKey(), record.requestHash(),
                record.status(), record.location(), record.version(), record.body(), utc(record.createdAt()))))
                .replaceWithVoid();
    }

    private static IdempotencyRecord toRecord(UUID userId, String key, Row row) {
        return new IdempotencyRecord(userId, key, row.getString("request_hash"), row.getInteger("status"), row.getString("location"),
                row.getLong("version"), row.getString("body"), row.getOffsetDateTime("created_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return UniqueViolation.isCauseOf(failure, "idempotency_keys");
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
