package dev.practicetracker.platform.panache;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.practicetracker.platform.outbox.OutboxMessage;

/**
 * An event waiting to be published, written in the same transaction as the change it describes.
 * The platform's migration ({@code db/platform}) creates the {@code outbox} table; its {@code seq} identity column,
 * assigned by PostgreSQL at insert, is the publication order.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    public String topic;

    public String type;

    public String subject;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String payload;

    /** W3C trace context of the write, so the publish and the consumers join its trace. */
    public String traceparent;

    protected OutboxEvent() {
    }

    static OutboxEvent of(OutboxMessage message) {
        return new OutboxEvent(message.eventId(), message.topic(), message.type(), message.subject(), message.userId(),
                message.occurredAt(), message.payload(), message.traceParent());
    }

    public OutboxEvent(UUID eventId, String topic, String type, String subject, UUID userId, Instant occurredAt, String payload,
            String traceparent) {
        this.eventId = eventId;
        this.topic = topic;
        this.type = type;
        this.subject = subject;
        this.userId = userId;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.traceparent = traceparent;
    }
}
