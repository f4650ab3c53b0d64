package dev.practicetracker.platform.idempotency;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    @WithSession
    public Uni<IdempotencyRecord> findSince(UUID userId, String key, Instant since) {
        return find("userId = ?1 and idempotencyKey = ?2 and createdAt >= ?3", userId, key, since).firstResult();
    }

    /** Frees a key whose 24 h are over, so it can be used again. */
    public Uni<Long> deleteExpired(UUID userId, String key, Instant before) {
        return delete("userId = ?1 and idempotencyKey = ?2 and createdAt < ?3", userId, key, before);
    }
}
