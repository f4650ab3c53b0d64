package dev.practicetracker.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record read as an event: its envelope and its still-unparsed JSON data. */
public record IncomingEvent(EventEnvelope envelope, String data) {

    /**
     * @throws MalformedEventException when the record does not carry a CloudEvents envelope
     */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        return new IncomingEvent(EventEnvelope.fromHeaders(record.headers()), record.value());
    }

    public String type() {
        return envelope.type();
    }

    /**
     * @throws MalformedEventException when the data is not JSON of that shape
     */
    public <T> T data(Class<T> type) {
        return EventJson.read(data, type);
    }
}
