package dev.practicetracker.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.outbox.SqlOutbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.UniqueViolation;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.time.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * {@code Idempotency-Key} on creating POSTs (API.md): a retry with the same key and body within
 * 24 h gets the first response and creates nothing; the same key with another body is a 422. The
 * key's record is written in the same transaction as the resource, so a crash cannot separate them,
 * and two concurrent retries cannot both create: the loser of the primary-key race replays.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    static final Duration RETENTION = Duration.ofHours(24);

    /** What a create produced: where it lives (null for a bulk create), its version (the ETag) and its representation. */
    public record Created(String location, long version, Object body) {
    }

    private final IdempotencySql sql;
    private final SqlOutbox sqlOutbox;
    private final Pool pool;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentCreates(IdempotencySql sql, SqlOutbox sqlOutbox, Pool pool, ObjectMapper mapper, Clock clock) {
        this.sql = sql;
        this.sqlOutbox = sqlOutbox;
        this.pool = pool;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code create} (with its outbox events) and answers 201, or replays the first answer to
     * this key, for a service writing with the SQL client: without a key {@code create} runs on the
     * pool, so it must be a single statement (its own transaction: no BEGIN and COMMIT round trips on
     * the hot path); with one, in a transaction with the key's record. (The services writing through
     * Hibernate Reactive have the same in the platform's panache module.)
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<Response> createWithSql(UUID userId, String key, Object request, Function<SqlClient, Uni<Created>> create) {
        if (key == null) {
            return sqlOutbox.afterCommit(create.apply(pool)).map(IdempotentCreates::respond);
        }
        return keyed(userId, key, request, since -> sql.findSince(userId, key, since),
                (since, record) -> sqlOutbox.inTransaction(connection -> sql.deleteExpired(connection, userId, key, since)
                        .chain(() -> create.apply(connection))
                        .call(created -> sql.insert(connection, record.apply(created)))));
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
    public Uni<Response> keyed(UUID userId, String key, Object request, Function<Instant, Uni<IdempotencyRecord>> findSince,
            BiFunction<Instant, Function<Created, IdempotencyRecord>, Uni<Created>> createRecorded) {
        requireValid(key);
        String requestHash = hash(request);
        Instant now = Timestamps.now(clock);
        Instant since = now.minus(RETENTION);
        return findSince.apply(since).chain(earlier -> earlier != null
                ? Uni.createFrom().item(replay(earlier, requestHash))
                : createRecorded.apply(since, created -> record(userId, key, requestHash, created, now))
                        .map(IdempotentCreates::respond)
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

    private static Response replay(IdempotencyRecord earlier, String requestHash) {
        if (earlier == null) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still being processed");
        }
        if (!earlier.requestHash().equals(requestHash)) {
            throw ProblemException.idempotencyKeyReused();
        }
        Response.ResponseBuilder response = Response.status(earlier.status()).entity(earlier.body()).type(MediaType.APPLICATION_JSON);
        return withLocationAndTag(response, earlier.location(), earlier.version());
    }

    /** The 201 of a create just done. */
    public static Response respond(Created created) {
        return withLocationAndTag(Response.status(Response.Status.CREATED).entity(created.body()), created.location(), created.version());
    }

    /** A create of one resource says where it is and its version; a bulk create (an import) has neither. */
    private static Response withLocationAndTag(Response.ResponseBuilder response, String location, long version) {
        if (location != null) {
            response.location(URI.create(location)).tag(ResourceResponses.etag(version));
        }
        return response.build();
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
