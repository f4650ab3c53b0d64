package dev.practicetracker.platform.panache;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.outbox.OutboxMessage;
import dev.practicetracker.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes events in the same database transaction as the change they describe (no dual writes),
 * and wakes the relay as soon as that transaction has committed.
 */
@ApplicationScoped
public class TransactionalOutbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;

    public TransactionalOutbox(OutboxRepository repository, OutboxRelay relay) {
        this.repository = repository;
        this.relay = relay;
    }

    /**
     * Runs a write in one transaction; once it commits, the relay publishes its events at once
     * rather than at the next poll.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> write) {
        return Panache.withTransaction(write).invoke(relay::wake);
    }

    /** Adds an event to the current transaction; it is published only if the transaction commits. */
    public Uni<Void> append(String topic, String type, String subject, UUID userId, Instant occurredAt, Object data) {
        return repository.persist(OutboxEvent.of(OutboxMessage.of(topic, type, subject, userId, occurredAt, data))).replaceWithVoid();
    }
}
