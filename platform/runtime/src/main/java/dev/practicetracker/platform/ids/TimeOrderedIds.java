package dev.practicetracker.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): a 48-bit millisecond timestamp, then a counter that keeps ids of the same
 * millisecond in order, then random bits. Ordering such ids (as PostgreSQL does, bytewise) is
 * ordering by creation, which keyset pagination can rely on.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_BITS = 12;

    private final Clock clock;
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    public synchronized UUID next() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            counter++;
            if (counter >= 1 << COUNTER_BITS) {
                millis++;
                counter = 0;
            }
        } else {
            counter = RANDOM.nextInt(1 << (COUNTER_BITS - 1));
        }
        lastMillis = millis;
        long mostSignificant = (millis << 16) | 0x7000L | counter;
        long leastSignificant = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
