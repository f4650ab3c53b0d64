package dev.practicetracker.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One quota for many keys: {@code limit} requests at once, then one more each {@code period / limit}
 * (a token bucket, kept as the generic cell rate algorithm keeps it: per key only the instant at
 * which its bucket is full again). A key whose bucket is full holds no memory once swept.
 */
final class TokenBuckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SWEEP_EVERY = 4096;

    /** What one request gets: allowed or not, and the figures for its RateLimit-* and Retry-After headers. */
    record Decision(boolean allowed, int limit, long periodSeconds, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int limit;
    private final long period;
    private final long interval;
    private final LongSupplier nanoTime;
    /** Per key: the instant (nanoTime) at which its bucket is full again. */
    private final ConcurrentHashMap<String, Long> fullAt = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    TokenBuckets(int limit, Duration period, LongSupplier nanoTime) {
        this.limit = limit;
        this.period = period.toNanos();
        this.interval = this.period / limit;
        this.nanoTime = nanoTime;
    }

    Decision take(String key) {
        long now = nanoTime.getAsLong();
        sweepNow(now);
        long[] after = new long[1];
        boolean[] allowed = new boolean[1];
        fullAt.compute(key, (k, full) -> {
            long start = full == null || full - now < 0 ? now : full;
            long next = start + interval;
            allowed[0] = next - now <= period;
            after[0] = allowed[0] ? next : start;
            return after[0];
        });
        long owed = after[0] - now;
        int remaining = (int) Math.max(0, (period - owed) / interval);
        long retryAfter = allowed[0] ? 0 : seconds(owed + interval - period);
        return new Decision(allowed[0], limit, seconds(period), remaining, seconds(owed), retryAfter);
    }

    /** Buckets full again are the same as none. */
    private void sweepNow(long now) {
        if (sinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
            fullAt.values().removeIf(full -> full - now <= 0);
        }
    }

    int keys() {
        return fullAt.size();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
