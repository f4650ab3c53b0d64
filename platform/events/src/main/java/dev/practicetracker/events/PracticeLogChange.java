package dev.practicetracker.events;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record of {@code practice-log-events}, decoded: the log's state and whether it was deleted. */
public record PracticeLogChange(PracticeLogData log, boolean deleted, Instant changedAt) {

    /**
     * @throws MalformedEventException for anything that is not a complete {@code practice-log.*.v1} event
     */
    public static PracticeLogChange decode(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        boolean deleted = switch (event.type()) {
            case EventTypes.PRACTICE_LOG_CREATED, EventTypes.PRACTICE_LOG_UPDATED -> false;
            case EventTypes.PRACTICE_LOG_DELETED -> true;
            default -> throw new MalformedEventException("unknown type " + event.type() + " on " + Topics.PRACTICE_LOG_EVENTS);
        };
        return new PracticeLogChange(event.data(PracticeLogData.class).requireComplete(), deleted, event.envelope().time());
    }
}
