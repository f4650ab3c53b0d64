package dev.practicetracker.platform.database;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.practicetracker.platform.idempotency.IdempotencyRecord;
import dev.practicetracker.platform.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;

/**
 * The platform's own rows written through Hibernate Reactive, for a service that writes its entities
 * with Panache: the transaction of the current session, and the outbox rows and idempotency records
 * that join it. {@code platform/panache} implements it; services do not call it, they call
 * {@link dev.practicetracker.platform.outbox.Outbox} and
 * {@link dev.practicetracker.platform.idempotency.IdempotentCreates}, which use it.
 */
public interface SessionWrites {

    /** Runs {@code work} in one transaction of the current session. */
    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);

    /** Adds outbox rows to the current transaction. */
    Uni<Void> appendToOutbox(List<OutboxMessage> events);

    /** The key's record written since {@code since}, or null. */
    Uni<IdempotencyRecord> findIdempotencyRecord(UUID userId, String key, Instant since);

    /** Drops the key's record from before {@code before}, so the key can be used again. */
    Uni<Void> deleteIdempotencyRecord(UUID userId, String key, Instant before);

    Uni<Void> saveIdempotencyRecord(IdempotencyRecord record);

    /** Drops every record of the user's keys (an erasure). */
    Uni<Void> deleteIdempotencyRecords(UUID userId);
}
