package dev.practicetracker.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.practicetracker.platform.ratelimit.TokenBuckets.Decision;

/** The quota's arithmetic on a clock the test moves. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(100, Duration.ofSeconds(10), now::get);

    @Test
    void aBurstOfTheLimitPassesCountingDownAndTheNextIsRefusedUntilOneTokenIsBack() {
        List<Decision> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(buckets.take("ada"));
        }
        Decision over = buckets.take("ada");

        assertThat(burst).allMatch(Decision::allowed);
        assertThat(burst.get(0).remaining()).isEqualTo(99);
        assertThat(burst.get(99).remaining()).isZero();
        assertThat(burst.get(99).resetSeconds()).isEqualTo(10);
        assertThat(over.allowed()).isFalse();
        assertThat(over.remaining()).isZero();
        assertThat(over.retryAfterSeconds()).isEqualTo(1);
        assertThat(over.limit()).isEqualTo(100);
        assertThat(over.periodSeconds()).isEqualTo(10);

        now.addAndGet(Duration.ofMillis(99).toNanos());
        assertThat(buckets.take("ada").allowed()).as("a token is back after period / limit, not before").isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(buckets.take("ada").allowed()).isTrue();
        assertThat(buckets.take("ada").allowed()).isFalse();
    }

    @Test
    void aQuietPeriodRefillsTheWholeQuotaAndNoMore() {
        for (int i = 0; i < 100; i++) {
            buckets.take("ada");
        }

        now.addAndGet(Duration.ofMinutes(5).toNanos());

        Decision first = buckets.take("ada");
        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(99);
        assertThat(first.resetSeconds()).isEqualTo(1);
    }

    @Test
    void eachKeyHasItsOwnQuota() {
        for (int i = 0; i < 100; i++) {
            buckets.take("ada");
        }

        assertThat(buckets.take("ada").allowed()).isFalse();
        assertThat(buckets.take("grace").allowed()).isTrue();
    }

    @Test
    void aRefusedRequestTakesNothing() {
        for (int i = 0; i < 100; i++) {
            buckets.take("ada");
        }
        for (int i = 0; i < 50; i++) {
            assertThat(buckets.take("ada").allowed()).isFalse();
        }

        now.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(buckets.take("ada").allowed()).isTrue();
    }

    @Test
    void keysWhoseBucketsAreFullAgainAreForgotten() {
        for (int i = 0; i < 4095; i++) {
            buckets.take("user-" + i);
        }
        assertThat(buckets.keys()).isEqualTo(4095);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        buckets.take("one-more");

        assertThat(buckets.keys()).isEqualTo(1);
    }
}
