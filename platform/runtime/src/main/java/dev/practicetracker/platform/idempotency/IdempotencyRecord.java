package dev.practicetracker.platform.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The first response to a create sent with an {@code Idempotency-Key}; replayed for a retry within 24 h. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request as read, so the same key with another body is told apart. */
    @Column(name = "request_hash")
    public String requestHash;

    public int status;

    public String location;

    public long version;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public UUID userId;
        public String idempotencyKey;

        public Key() {
        }

        public Key(UUID userId, String idempotencyKey) {
            this.userId = userId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId) && Objects.equals(idempotencyKey, key.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, idempotencyKey);
        }
    }
}
