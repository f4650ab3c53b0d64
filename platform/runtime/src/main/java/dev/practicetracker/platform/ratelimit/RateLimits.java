package dev.practicetracker.platform.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.ratelimit.TokenBuckets.Decision;

/**
 * The quotas of this replica: one set of token buckets per {@link OperationClass}, in memory. With
 * several replicas each keeps its own (the README says why), so a client spread over N replicas may
 * get up to N times a quota.
 */
@ApplicationScoped
public class RateLimits {

    private final boolean enabled;
    private final Map<OperationClass, TokenBuckets> buckets = new EnumMap<>(OperationClass.class);

    public RateLimits(RateLimitConfig config) {
        this.enabled = config.enabled();
        for (OperationClass operations : OperationClass.values()) {
            RateLimitConfig.Quota quota = config.quota(operations);
            buckets.put(operations, new TokenBuckets(quota.limit(), quota.period(), System::nanoTime));
        }
    }

    /** A request of this class by this caller (user id or client address); empty when limits are off. */
    Optional<Decision> take(OperationClass operations, String caller) {
        return enabled ? Optional.of(buckets.get(operations).take(caller)) : Optional.empty();
    }
}
