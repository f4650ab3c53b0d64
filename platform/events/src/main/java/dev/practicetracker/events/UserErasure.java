package dev.practicetracker.events;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A {@code user.erased.v1} as every consumer applies it: whose data goes, and when the erasure happened. */
public record UserErasure(UUID userId, Instant at) {

    /**
     * The erasure a {@code user-events} record carries, or null for a record of another type.
     *
     * @throws MalformedEventException when the record is not a complete event
     */
    public static UserErasure of(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return EventTypes.USER_ERASED.equals(event.type())
                ? new UserErasure(event.data(UserErasedData.class).requireComplete().userId(), event.envelope().time())
                : null;
    }
}
