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
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.outbox.TransactionalOutbox;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.rest.ResourceResponses;
import dev.practicetracker.platform.time.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

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

    /** What a create produced: where it lives, its version (the ETag) and its representation. */
    public record Created(String location, long version, Object body) {
    }

    private final IdempotencyRepository repository;
    private final TransactionalOutbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentCreates(IdempotencyRepository repository, TransactionalOutbox outbox, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code create} in one transaction (with its outbox events) and answers 201, or replays the
     * first answer to this key.
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<Response> create(UUID userId, String key, Object request, Supplier<Uni<Created>> create) {
        if (key == null) {
            return outbox.inTransaction(create).map(IdempotentCreates::respond);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String requestHash = hash(request);
        Instant now = Timestamps.now(clock);
        Instant since = now.minus(RETENTION);
        return repository.findSince(userId, key, since).chain(earlier -> {
            if (earlier != null) {
                return Uni.createFrom().item(replay(earlier, requestHash));
            }
            return outbox.inTransaction(() -> repository.deleteExpired(userId, key, since)
                    .chain(create::get)
                    .call(created -> repository.persist(record(userId, key, requestHash, created, now))))
                    .map(IdempotentCreates::respond)
                    .onFailure(IdempotentCreates::isDuplicateKey).recoverWithUni(() -> repository.findSince(userId, key, since)
                            .map(winner -> replay(winner, requestHash)));
        });
    }

    private IdempotencyRecord record(UUID userId, String key, String requestHash, Created created, Instant now) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.userId = userId;
        record.idempotencyKey = key;
        record.requestHash = requestHash;
        record.status = Response.Status.CREATED.getStatusCode();
        record.location = created.location();
        record.version = created.version();
        record.body = json(created.body());
        record.createdAt = now;
        return record;
    }

    private static Response replay(IdempotencyRecord earlier, String requestHash) {
        if (earlier == null) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still being processed");
        }
        if (!earlier.requestHash.equals(requestHash)) {
            throw ProblemException.idempotencyKeyReused();
        }
        return Response.status(earlier.status).location(URI.create(earlier.location)).tag(ResourceResponses.etag(earlier.version))
                .entity(earlier.body).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response respond(Created created) {
        return Response.created(URI.create(created.location())).entity(created.body()).tag(ResourceResponses.etag(created.version())).build();
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())
                    && String.valueOf(pg.getConstraint()).startsWith("idempotency_keys")) {
                return true;
            }
        }
        return false;
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
