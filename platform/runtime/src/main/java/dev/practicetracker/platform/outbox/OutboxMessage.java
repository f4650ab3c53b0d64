package dev.practicetracker.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.observability.EventTracing;

/**
 * One event for the outbox: its envelope fields, its JSON data, a fresh event id (time-ordered, so
 * the outbox's and consumers' indexes on it grow at one end) and the
 * {@code traceparent} of the trace that wrote it (null outside any trace).
 */
public record OutboxMessage(UUID eventId, String topic, String type, String subject, UUID userId, Instant occurredAt, String payload,
        String traceParent) {

    public static OutboxMessage of(String topic, String type, String subject, UUID userId, Instant occurredAt, Object data) {
        return new OutboxMessage(TimeOrderedIds.SYSTEM.next(), topic, type, subject, userId, occurredAt, EventJson.write(data),
                EventTracing.currentTraceParent());
    }
}
