package dev.practicetracker.platform.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import io.quarkus.arc.DefaultBean;

/** The clock every service reads "now" from (a test may replace it), and the ids made from it. */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    public TimeOrderedIds timeOrderedIds(Clock clock) {
        return new TimeOrderedIds(clock);
    }
}
