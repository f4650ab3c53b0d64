package dev.practicetracker.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as PostgreSQL stores them (microseconds), so what a response shows equals what is read back. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
