package dev.practicetracker.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NewestVersionsTest {

    record Change(UUID id, long version, String label) {
    }

    @Test
    void eachIdKeepsItsHighestVersionInFirstSeenOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<Change> batch = List.of(new Change(first, 2, "first v2"), new Change(second, 1, "second v1"),
                new Change(first, 3, "first v3"), new Change(first, 1, "first v1, late"), new Change(second, 1, "second v1 again"));

        assertThat(NewestVersions.of(batch, Change::id, Change::version)).extracting(Change::label)
                .containsExactly("first v3", "second v1");
    }
}
