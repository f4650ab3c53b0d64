package dev.practicetracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    @Test
    void eventIdsAreTimeOrderedSoTheOutboxIndexGrowsAtOneEnd() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        UUID first = OutboxMessage.of("topic", "type", "subject", user, now, Map.of("n", 1)).eventId();
        UUID second = OutboxMessage.of("topic", "type", "subject", user, now, Map.of("n", 2)).eventId();

        assertThat(first.version()).isEqualTo(7);
        assertThat(second.version()).isEqualTo(7);
        assertThat(Long.compareUnsigned(second.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
    }
}
