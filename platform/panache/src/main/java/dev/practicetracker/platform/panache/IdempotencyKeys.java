package dev.practicetracker.platform.panache;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.idempotency.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The {@code Idempotency-Key} records, through Hibernate Reactive (in the transaction of the create they record). */
@ApplicationScoped
class IdempotencyKeys implements PanacheRepositoryBase<IdempotencyKey, IdempotencyKey.Key> {

    @WithSession
    Uni<IdempotencyRecord> findSince(UUID userId, String key, Instant since) {
        return find("userId = ?1 and idempotencyKey = ?2 and createdAt >= ?3", userId, key, since).firstResult()
                .map(found -> found == null ? null : found.toRecord());
    }

    /** Frees a key whose 24 h are over, so it can be used again. */
    Uni<Long> deleteExpired(UUID userId, String key, Instant before) {
        return delete("userId = ?1 and idempotencyKey = ?2 and createdAt < ?3", userId, key, before);
    }

    Uni<Void> save(IdempotencyRecord record) {
        return persist(IdempotencyKey.of(record)).replaceWithVoid();
    }
}
