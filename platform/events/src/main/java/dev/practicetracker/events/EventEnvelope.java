package dev.practicetracker.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of one event, carried in Kafka binary mode as {@code ce_*} record
 * headers; the record value is the JSON {@code data} and the record key is the owner's user id.
 */
public record EventEnvelope(UUID id, String source, String type, String subject, Instant time, UUID userId) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_USER_ID = "ce_userid";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(userId, "userId");
    }

    /** The record key: all of one user's events land in one partition, in order. */
    public String key() {
        return userId.toString();
    }

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, HEADER_ID, id.toString());
        add(headers, HEADER_SOURCE, source);
        add(headers, HEADER_TYPE, type);
        add(headers, HEADER_SUBJECT, subject);
        add(headers, HEADER_TIME, InstantText.format(time));
        add(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        add(headers, HEADER_USER_ID, userId.toString());
        add(headers, HEADER_CONTENT_TYPE, CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws MalformedEventException when an attribute is missing or unreadable
     */
    public static EventEnvelope fromHeaders(Headers headers) {
        String specVersion = required(headers, HEADER_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + HEADER_SPEC_VERSION + " " + specVersion);
        }
        try {
            return new EventEnvelope(
                    UUID.fromString(required(headers, HEADER_ID)),
                    required(headers, HEADER_SOURCE),
                    required(headers, HEADER_TYPE),
                    required(headers, HEADER_SUBJECT),
                    InstantText.parse(required(headers, HEADER_TIME)),
                    UUID.fromString(required(headers, HEADER_USER_ID)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("unreadable CloudEvents attribute: " + e.getMessage());
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
