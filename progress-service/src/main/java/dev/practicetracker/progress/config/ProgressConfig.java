package dev.practicetracker.progress.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

/** progress-service's own settings ({@code practice-tracker.progress.*}), validated at start-up. */
@ConfigMapping(prefix = "practice-tracker.progress")
public interface ProgressConfig {

    /**
     * From this many log events in one batch the consumer is behind: it marks skills and users stale
     * instead of recomputing them, and they are recomputed once the backlog is over.
     */
    @Min(1)
    int deferRecomputeAt();

    /** How long no backlog batch must have come before the backlog counts as over; also how often that is checked. */
    Duration staleCheckInterval();

    /** The shards of the drain of what a backlog marked, each on a connection of its own. */
    @Min(1)
    int drainConnections();

    SkillCache skillCache();

    Reminders reminders();

    interface Reminders {

        /** How often each replica looks for reminders that have come due (the latest a reminder is sent after its time). */
        Duration checkInterval();

        /** Reminders claimed and decided in one transaction. */
        @Min(1)
        int batch();
    }

    interface SkillCache {

        /** Days of history the cache of read skills holds at most; 0 turns it off. */
        @Min(0)
        int days();
    }
}
