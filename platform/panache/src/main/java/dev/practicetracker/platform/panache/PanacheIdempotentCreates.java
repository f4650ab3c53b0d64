package dev.practicetracker.platform.panache;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.practicetracker.platform.idempotency.IdempotentCreates;
import io.smallrye.mutiny.Uni;

/**
 * {@link IdempotentCreates} for a service writing through Hibernate Reactive: the create, its
 * outbox events and the key's record in one Panache transaction.
 */
@ApplicationScoped
public class PanacheIdempotentCreates {

    private final IdempotentCreates creates;
    private final IdempotencyKeys keys;
    private final TransactionalOutbox outbox;

    public PanacheIdempotentCreates(IdempotentCreates creates, IdempotencyKeys keys, TransactionalOutbox outbox) {
        this.creates = creates;
        this.keys = keys;
        this.outbox = outbox;
    }

    /**
     * Runs {@code create} in one transaction (with its outbox events) and answers 201, or replays the
     * first answer to this key.
     *
     * @param request the request as read, for telling a retry from a different request
     */
    public Uni<Response> create(UUID userId, String key, Object request, Supplier<Uni<IdempotentCreates.Created>> create) {
        if (key == null) {
            return outbox.inTransaction(create).map(IdempotentCreates::respond);
        }
        return creates.keyed(userId, key, request, since -> keys.findSince(userId, key, since),
                (since, record) -> outbox.inTransaction(() -> keys.deleteExpired(userId, key, since)
                        .chain(create::get)
                        .call(created -> keys.save(record.apply(created)))));
    }
}
