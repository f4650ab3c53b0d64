package dev.practicetracker.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.events.EventJson;

/** One event for the outbox: its envelope fields and its JSON data, with a fresh event id. */
public record OutboxMessage(UUID eventId, String topic, String type, String subject, UUID userId, Instant occurredAt, String payload) {

    public static OutboxMessage of(String topic, String type, String subject, UUID userId, Instant occurredAt, Object data) {
        return new OutboxMessage(UUID.randomUUID(), topic, type, subject, userId, occurredAt, EventJson.write(data));
    }

    OutboxEvent toEntity() {
        return new OutboxEvent(eventId, topic, type, subject, userId, occurredAt, payload);
    }
}
