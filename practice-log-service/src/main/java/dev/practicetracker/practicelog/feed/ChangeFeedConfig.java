package dev.practicetracker.practicelog.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the change feed keeps deletions, and how often a replica prunes older ones. */
@ConfigMapping(prefix = "practice-tracker.changes")
public interface ChangeFeedConfig {

    /** A tombstone is kept at least this long (API.md: 30 days); a cursor older than the pruned ones answers 410. */
    @WithDefault("P30D")
    Duration tombstoneRetention();

    @WithDefault("PT1H")
    Duration pruneInterval();
}
