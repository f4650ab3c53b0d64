package dev.practicetracker.platform.panache;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.practicetracker.platform.idempotency.IdempotencyRecord;

/** An {@link IdempotencyRecord} as an entity, for the services that write through Hibernate Reactive. */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    public int status;

    public String location;

    public long version;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    static IdempotencyKey of(IdempotencyRecord record) {
        IdempotencyKey entity = new IdempotencyKey();
        entity.userId = record.userId();
        entity.idempotencyKey = record.idempotencyKey();
        entity.requestHash = record.requestHash();
        entity.status = record.status();
        entity.location = record.location();
        entity.version = record.version();
        entity.body = record.body();
        entity.createdAt = record.createdAt();
        return entity;
    }

    IdempotencyRecord toRecord() {
        return new IdempotencyRecord(userId, idempotencyKey, requestHash, status, location, version, body, createdAt);
    }

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
