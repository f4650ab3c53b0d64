package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID USER_ID = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    private static final Instant CHANGED_AT = Instant.parse("2026-11-21T18:30:00.123Z");

    private final EventEnvelope envelope = new EventEnvelope(EVENT_ID, "/practice-log-service",
            EventTypes.PRACTICE_LOG_CREATED, "7f8c0000-0000-4000-8000-000000000000", CHANGED_AT, USER_ID);

    @Test
    void writesEveryCloudEventsAttributeAsBinaryModeHeader() {
        Headers headers = envelope.toHeaders();

        assertThat(header(headers, "ce_id")).isEqualTo(EVENT_ID.toString());
        assertThat(header(headers, "ce_source")).isEqualTo("/practice-log-service");
        assertThat(header(headers, "ce_type")).isEqualTo("practice-log.created.v1");
        assertThat(header(headers, "ce_subject")).isEqualTo("7f8c0000-0000-4000-8000-000000000000");
        assertThat(header(headers, "ce_time")).isEqualTo("2026-11-21T18:30:00.123Z");
        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_userid")).isEqualTo(USER_ID.toString());
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(envelope.key()).isEqualTo(USER_ID.toString());
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(EventEnvelope.fromHeaders(envelope.toHeaders())).isEqualTo(envelope);
    }

    @Test
    void rejectsARecordWithoutAnEventId() {
        Headers headers = envelope.toHeaders();
        headers.remove("ce_id");

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void rejectsAnUnreadableTime() {
        Headers headers = envelope.toHeaders();
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers)).isInstanceOf(MalformedEventException.class);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
