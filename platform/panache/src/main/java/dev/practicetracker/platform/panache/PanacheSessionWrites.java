package dev.practicetracker.platform.panache;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.database.SessionWrites;
import dev.practicetracker.platform.idempotency.IdempotencyRecord;
import dev.practicetracker.platform.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The platform's rows through Hibernate Reactive Panache, in the current session's transaction. */
@ApplicationScoped
public class PanacheSessionWrites implements SessionWrites {

    private final OutboxRepository outbox;
    private final IdempotencyKeys keys;

    public PanacheSessionWrites(OutboxRepository outbox, IdempotencyKeys keys) {
        this.outbox = outbox;
        this.keys = keys;
    }

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work);
    }

    @Override
    public Uni<Void> appendToOutbox(List<OutboxMessage> events) {
        return outbox.persist(events.stream().map(OutboxEvent::of)).replaceWithVoid();
    }

    @Override
    public Uni<IdempotencyRecord> findIdempotencyRecord(UUID userId, String key, Instant since) {
        return keys.findSince(userId, key, since);
    }

    @Override
    public Uni<Void> deleteIdempotencyRecord(UUID userId, String key, Instant before) {
        return keys.deleteExpired(userId, key, before).replaceWithVoid();
    }

    @Override
    public Uni<Void> saveIdempotencyRecord(IdempotencyRecord record) {
        return keys.save(record);
    }

    @Override
    public Uni<Void> deleteIdempotencyRecords(UUID userId) {
        return keys.delete("userId", userId).replaceWithVoid();
    }
}
