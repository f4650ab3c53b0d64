package dev.practicetracker.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AheadFileClockTest {

    private static final Instant REAL = Instant.parse("2027-03-14T09:00:00Z");

    @TempDir
    Path directory;

    @Test
    void runsWithTheRealTimeUntilTheFileExists() {
        Clock clock = new AheadFileClock(directory.resolve("ahead"), Clock.fixed(REAL, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void runsAheadByWhatTheFileSaysEachTimeItChanges() throws Exception {
        Path file = directory.resolve("ahead");
        Clock clock = new AheadFileClock(file, Clock.fixed(REAL, ZoneOffset.UTC));

        write(file, "PT20M", 1);
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofMinutes(20)));
        write(file, "P1DT2H", 2);
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofHours(26)));
    }

    @Test
    void neverRunsBackwards() throws Exception {
        Path file = directory.resolve("ahead");
        Clock clock = new AheadFileClock(file, Clock.fixed(REAL, ZoneOffset.UTC));

        write(file, "PT5H", 1);
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofHours(5)));
        write(file, "PT1H", 2);
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofHours(5)));
    }

    /** Writes the file with a modification time of its own, as a file written seconds apart would have. */
    private static void write(Path file, String ahead, int version) throws Exception {
        Files.writeString(file, ahead + "\n");
        Files.setLastModifiedTime(file, FileTime.from(REAL.plusSeconds(version)));
    }
}
