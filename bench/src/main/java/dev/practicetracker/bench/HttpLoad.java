package dev.practicetracker.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * A closed-loop HTTP load: {@code concurrency} clients, each sending its next request as soon as
 * the previous one answers, for a fixed time after a warm-up. Latencies go to an HdrHistogram
 * (microseconds); anything but the expected status counts as an error.
 */
final class HttpLoad {

    record Outcome(long completed, long errors, double seconds, Histogram latencyMicros) {

        double perSecond() {
            return completed / seconds;
        }

        double p50Millis() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private HttpLoad() {
    }

    /** @param request the next request of client {@code i} (0 ≤ i < concurrency) */
    static Outcome closedLoop(int concurrency, Duration warmUp, Duration duration, int expectedStatus,
            IntFunction<Future<HttpResponse<Buffer>>> request) throws InterruptedException {
        run(concurrency, warmUp, expectedStatus, request, new ConcurrentHistogram(3), new AtomicLong(), new AtomicLong());
        Histogram latency = new ConcurrentHistogram(3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        run(concurrency, duration, expectedStatus, request, latency, completed, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(completed.get(), errors.get(), seconds, latency);
    }

    private static void run(int concurrency, Duration duration, int expectedStatus, IntFunction<Future<HttpResponse<Buffer>>> request,
            Histogram latency, AtomicLong completed, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int client = 0; client < concurrency; client++) {
            next(client, deadline, expectedStatus, request, latency, completed, errors, done);
        }
        if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load did not finish");
        }
    }

    private static void next(int client, long deadline, int expectedStatus, IntFunction<Future<HttpResponse<Buffer>>> request,
            Histogram latency, AtomicLong completed, AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        request.apply(client).onComplete(result -> {
            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            if (result.succeeded() && result.result().statusCode() == expectedStatus) {
                completed.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
            next(client, deadline, expectedStatus, request, latency, completed, errors, done);
        });
    }
}
