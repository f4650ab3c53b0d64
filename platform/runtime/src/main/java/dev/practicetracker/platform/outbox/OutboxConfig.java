package dev.practicetracker.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "practice-tracker.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /skills-service}. */
    String source();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    @Min(1)
    int batchSize();

    /** Safety-net poll; the relay normally runs right after each commit. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a batch may wait for the broker's acknowledgements before the relay retries it. */
    @WithDefault("40s")
    Duration ackTimeout();

    /** The pause before the first retry after a failure; each further failure doubles it. */
    @WithDefault("100ms")
    Duration firstBackoff();

    /** Longest pause between retries while the broker or the database is down. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Turns the relay off, e.g. in a slice test that inspects the outbox table itself. */
    @WithDefault("true")
    boolean relayEnabled();
}
