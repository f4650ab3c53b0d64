package dev.practicetracker.platform.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * API.md's rate limits, per replica: each class of operation gets {@code limit} requests per
 * {@code period} per user (or client address), refilled evenly over the period. Off with
 * {@code PT_RATE_LIMITS_ENABLED=false}.
 */
@ConfigMapping(prefix = "practice-tracker.rate-limits")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    Quota writes();

    @WithName("imports-exports")
    Quota importsExports();

    Quota admin();

    @WithName("public-images")
    Quota publicImages();

    default Quota quota(OperationClass operations) {
        return switch (operations) {
            case WRITES -> writes();
            case IMPORTS_EXPORTS -> importsExports();
            case ADMIN -> admin();
            case PUBLIC_IMAGES -> publicImages();
        };
    }

    interface Quota {
        @Min(1)
        int limit();

        Duration period();
    }
}
