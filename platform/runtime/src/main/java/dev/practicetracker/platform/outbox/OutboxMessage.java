package dev.practicetracker.platform.outbox;

import java.nio.charset.StandardCharsets;
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

    /**
     * The same event with an id derived from the fact it states (a name-based UUID of {@code fact},
     * e.g. {@code level:<skill>:<level>}): published again, by another replica or after a crash, the
     * fact carries the same id, and consumers deduplicate on it.
     */
    public OutboxMessage identifiedBy(String fact) {
        return new OutboxMessage(UUID.nameUUIDFromBytes(fact.getBytes(StandardCharsets.UTF_8)), topic, type, subject, userId, occurredAt,
                payload, traceParent);
    }
}
