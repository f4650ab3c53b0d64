package dev.practicetracker.platform.time;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import io.quarkus.arc.DefaultBean;

/**
 * The clock every service reads "now" from, and the ids made from it. A test in the service's JVM
 * replaces the bean; a test of whole processes sets {@code practice-tracker.clock.ahead-file}
 * ({@link AheadFileClock}), which production leaves unset.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock(@ConfigProperty(name = "practice-tracker.clock.ahead-file") Optional<Path> aheadFile) {
        return aheadFile.<Clock> map(file -> new AheadFileClock(file, Clock.systemUTC())).orElseGet(Clock::systemUTC);
    }

    @Produces
    @Singleton
    public TimeOrderedIds timeOrderedIds(Clock clock) {
        return new TimeOrderedIds(clock);
    }
}
