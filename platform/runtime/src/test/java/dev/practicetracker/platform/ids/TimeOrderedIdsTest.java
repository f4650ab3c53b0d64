package dev.practicetracker.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    /** PostgreSQL's uuid order: the 16 bytes as unsigned, most significant first. */
    private static final Comparator<UUID> POSTGRES_ORDER = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparing(id -> id.getLeastSignificantBits() ^ Long.MIN_VALUE);

    @Test
    void idsMadeWithinOneMillisecondStayInCreationOrder() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSortedAccordingTo(POSTGRES_ORDER).doesNotHaveDuplicates();
    }

    @Test
    void theyAreVersionSevenWithTheTimeUpFront() {
        UUID id = new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(0x0123456789abL), ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith("01234567-89ab-7");
    }
}
