package dev.practicetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class UserErasureTest {

    private static final UUID USER = UUID.fromString("7f8c0000-0000-4000-8000-000000000001");
    private static final Instant ERASED_AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void aUserErasedEventIsTheErasureOfItsUserAtItsTime() {
        assertThat(UserErasure.of(record(EventTypes.USER_ERASED, "{\"user_id\":\"" + USER + "\"}")))
                .isEqualTo(new UserErasure(USER, ERASED_AT));
    }

    @Test
    void aRecordOfAnotherTypeIsNoErasure() {
        assertThat(UserErasure.of(record(EventTypes.SKILL_DELETED, "{\"id\":\"" + USER + "\"}"))).isNull();
    }

    @Test
    void anErasureWithoutItsUserIsMalformed() {
        assertThatThrownBy(() -> UserErasure.of(record(EventTypes.USER_ERASED, "{}"))).isInstanceOf(MalformedEventException.class);
    }

    private static ConsumerRecord<String, String> record(String type, String data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/skills-service", type, USER.toString(), ERASED_AT, USER);
        return new ConsumerRecord<>(Topics.USER_EVENTS, 0, 0, ERASED_AT.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                USER.toString(), data, envelope.toHeaders(), Optional.empty());
    }
}
