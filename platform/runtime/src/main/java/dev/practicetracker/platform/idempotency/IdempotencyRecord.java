package dev.practicetracker.platform.idempotency;

import java.time.Instant;
import java.util.UUID;

/**
 * The first response to a create sent with an {@code Idempotency-Key}, as kept in the
 * {@code idempotency_keys} table (the platform's migration, {@code db/platform}, creates it);
 * replayed for a retry within 24 h.
 *
 * @param requestHash SHA-256 of the request as read, so the same key with another body is told apart
 * @param location where the created resource lives (null for a bulk create)
 */
public record IdempotencyRecord(UUID userId, String idempotencyKey, String requestHash, int status, String location, long version,
        String body, Instant createdAt) {
}
