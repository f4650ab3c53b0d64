package dev.practicetracker.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * P2: how long after {@code POST /practice-logs} returns its log shows in
 * {@code GET /progress/skills/{id}}, at two shares of the write capacity measured in the same run
 * ({@link WriteCapacity}: 50 % and 80 %), open loop (writes are sent on schedule, not when the
 * previous one answers). Beside it: Kafka's own end-to-end latency on the same broker.
 * <p>
 * How a write is seen: one watcher reads the read model's row (the row the GET serves) of every skill
 * with writes in flight, once a millisecond, in one query; as soon as a write is counted there, one
 * GET confirms it and the clock stops when that GET answers. So each figure is commit-to-read-model
 * plus one real GET, at a resolution of about a millisecond. Polling the GET itself every few
 * milliseconds per pending write would add thousands of requests per second at this rate — more load
 * than the writes being measured.
 * <p>
 * Steady means after the load has settled: the writes run for {@link #SETTLE_SECONDS} before the
 * measured window. Each JVM's JIT meets a change of load with a burst of compilations (profiled:
 * 810 compilations in practice-log-service's first 5 s at 200 writes/s, after a 240 s warm-up at
 * another rate), and on two shared cores that burst held writes for up to 600 ms in the first 2–3 s.
 * That onset is reported too, as the first {@link #ONSET_SECONDS} of each load, without a target.
 */
final class Freshness {

    /** A share of the write capacity and the p99 it must hold there. */
    record Load(double share, double maximumP99Millis) {

        long percent() {
            return Math.round(share * 100);
        }

        String label() {
            return percent() + " %";
        }
    }

    static final List<Load> LOADS = List.of(new Load(0.5, 100), new Load(0.8, 250));
    static final int SETTLE_SECONDS = 30;
    static final int ONSET_SECONDS = 10;
    static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The services' own histograms of the two halves (see EventMetrics). */
    static final String PUBLISH_DELAY = "practice_tracker_outbox_publish_delay_seconds";
    static final String APPLY_DELAY = "practice_tracker_events_apply_delay_seconds";
    static final String LOG_EVENTS = "practice-log-events";

    /** A write practice-log-service acknowledged, not yet seen in its skill's progress. */
    private record Pending(int skill, int expected, long acknowledgedAt, Histogram into) {
    }

    private Freshness() {
    }

    /** @param capacity the write rate of {@link WriteCapacity}, measured in the same run */
    static List<Result> run(BenchContext bench, WriteThroughput.Writers writers, double capacity) throws Exception {
        List<Result> results = new ArrayList<>();
        KafkaTools.Latency kafka = KafkaTools.endToEndLatency(bench.kafka(), "bench-e2e", 10_000);
        for (Load load : LOADS) {
            bench.quiesce();
            results.addAll(run(bench, writers, capacity, load, kafka));
        }
        return results;
    }

    private static List<Result> run(BenchContext bench, WriteThroughput.Writers writers, double capacity, Load load,
            KafkaTools.Latency kafka) throws Exception {
        int rate = WriteCapacity.share(capacity, load.share());
        AtomicInteger[] acknowledged = settled(bench, writers);
        Histogram onset = new ConcurrentHistogram(3);
        Histogram steady = new ConcurrentHistogram(3);
        AtomicLong failures = new AtomicLong();
        int settling = rate * SETTLE_SECONDS;
        int onsetWrites = rate * ONSET_SECONDS;
        int total = settling + (int) (rate * bench.measure.toSeconds());
        CountDownLatch done = new CountDownLatch(total);
        Queue<Pending> inFlight = new ConcurrentLinkedQueue<>();
        System.out.printf("[bench] P2 at %s of %.0f writes/s: %d s at %d writes/s to settle, then %d s measured%n", load.label(),
                capacity, SETTLE_SECONDS, rate, bench.measure.toSeconds());
        // the services' own histograms, scraped (off the watcher's thread) as the measured window opens and once every write is seen
        CompletableFuture<StageDelays.Buckets[]> atWindow = CompletableFuture.supplyAsync(() -> new StageDelays.Buckets[] {
                StageDelays.scrape(bench, Service.PRACTICE_LOG, PUBLISH_DELAY, LOG_EVENTS),
                StageDelays.scrape(bench, Service.PROGRESS, APPLY_DELAY, LOG_EVENTS) },
                CompletableFuture.delayedExecutor(SETTLE_SECONDS, TimeUnit.SECONDS));
        long timer = OpenLoop.start(bench, writers, rate, total, new OpenLoop.Answers() {
            @Override
            public void acknowledged(int write, int skill, long atNanos) {
                Histogram into = write >= settling ? steady : write < onsetWrites ? onset : null;
                inFlight.add(new Pending(skill, acknowledged[skill].incrementAndGet(), atNanos, into));
            }

            @Override
            public void failed(int write) {
                failures.incrementAndGet();
                done.countDown();
            }
        });
        try {
            watch(bench, writers, inFlight, done, System.nanoTime()
                    + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS + bench.measure.toSeconds() + 120));
        } finally {
            bench.vertx.cancelTimer(timer);
        }
        StageDelays.Buckets[] window = atWindow.join();
        StageDelays.Buckets published = StageDelays.scrape(bench, Service.PRACTICE_LOG, PUBLISH_DELAY, LOG_EVENTS).minus(window[0]);
        StageDelays.Buckets applied = StageDelays.scrape(bench, Service.PROGRESS, APPLY_DELAY, LOG_EVENTS).minus(window[1]);
        double p50 = steady.getValueAtPercentile(50) / 1000.0;
        double p99 = steady.getValueAtPercentile(99) / 1000.0;
        String id = "P2@" + load.percent() + "%";
        System.out.printf("%s: write -> visible p50 %.1f ms, p99 %.1f ms over %d writes at %d writes/s (%d failed in the whole run);"
                + " Kafka end-to-end p50 %.2f, p99 %.2f ms%n", id, p50, p99, steady.getTotalCount(), rate, failures.get(), kafka.p50(),
                kafka.p99());
        System.out.printf("%s onset (the first %d s of the load): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", id, ONSET_SECONDS,
                onset.getValueAtPercentile(50) / 1000.0, onset.getValueAtPercentile(99) / 1000.0, onset.getMaxValue() / 1000.0);
        System.out.printf("%s stages (bucket bounds): write -> broker ack p50 %.1f, p99 %.1f ms (%.0f events);"
                + " record -> applied in progress p50 %.1f, p99 %.1f ms (%.0f events)%n", id, published.percentileMillis(0.5),
                published.percentileMillis(0.99), published.count(), applied.percentileMillis(0.5), applied.percentileMillis(0.99),
                applied.count());
        String steadyWhat = "write → visible in progress at " + rate + " writes/s (" + load.label() + " of P1@" + WriteCapacity.CLIENTS
                + "'s " + Math.round(capacity) + "), steady (after " + SETTLE_SECONDS + " s)";
        String onsetWhat = "the first " + ONSET_SECONDS + " s of that load, from a quiet stack";
        return List.of(
                Result.observed(id + " p50", steadyWhat + ", p50", p50, "ms"),
                Result.bounded(id + " p99", steadyWhat + ", p99", p99, "ms", "Kafka end-to-end p99", kafka.p99(), "ms",
                        load.maximumP99Millis()),
                Result.observed(id + " onset p50", onsetWhat + ", p50", onset.getValueAtPercentile(50) / 1000.0, "ms"),
                Result.observed(id + " onset p99", onsetWhat + ", p99", onset.getValueAtPercentile(99) / 1000.0, "ms"),
                Result.observed(id + " publish p50", "of which write → the broker's acknowledgement (the relay), p50",
                        published.percentileMillis(0.5), "ms"),
                Result.observed(id + " publish p99", "of which write → the broker's acknowledgement (the relay), p99",
                        published.percentileMillis(0.99), "ms"),
                Result.observed(id + " apply p50", "of which the record's timestamp → progress's commit (Kafka, the consumer), p50",
                        applied.percentileMillis(0.5), "ms"),
                Result.observed(id + " apply p99", "of which the record's timestamp → progress's commit (Kafka, the consumer), p99",
                        applied.percentileMillis(0.99), "ms"));
    }

    /** Until every write is confirmed: each millisecond, one query for the skills with writes in flight. */
    private static void watch(BenchContext bench, WriteThroughput.Writers writers, Queue<Pending> inFlight, CountDownLatch done,
            long deadline) throws Exception {
        List<Pending> waiting = new ArrayList<>();
        try (Connection progress = bench.database("progress");
                PreparedStatement counts = progress.prepareStatement(
                        "select skill_id, total_sessions from skill_progress where skill_id = any(?)")) {
            while (done.getCount() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("writes did not become visible");
                }
                long round = System.nanoTime();
                for (Pending pending; (pending = inFlight.poll()) != null;) {
                    waiting.add(pending);
                }
                if (!waiting.isEmpty()) {
                    Map<UUID, Integer> sessions = new HashMap<>();
                    counts.setArray(1, progress.createArrayOf("uuid",
                            waiting.stream().map(pending -> writers.skills().get(pending.skill())).distinct().toArray()));
                    try (ResultSet rows = counts.executeQuery()) {
                        while (rows.next()) {
                            sessions.put(rows.getObject(1, UUID.class), rows.getInt(2));
                        }
                    }
                    waiting.removeIf(pending -> {
                        boolean counted = sessions.getOrDefault(writers.skills().get(pending.skill()), 0) >= pending.expected();
                        if (counted) {
                            confirm(bench, writers, pending, inFlight, done);
                        }
                        return counted;
                    });
                }
                LockSupport.parkNanos(WATCH_NANOS - (System.nanoTime() - round));
            }
        }
    }

    /** The write is in the read model; the clock stops when a GET shows it (or it goes back to waiting). */
    private static void confirm(BenchContext bench, WriteThroughput.Writers writers, Pending pending, Queue<Pending> inFlight,
            CountDownLatch done) {
        bench.request(HttpMethod.GET, Service.PROGRESS, "/progress/skills/" + writers.skills().get(pending.skill()),
                writers.users().get(pending.skill())).send().onComplete(result -> {
                    if (result.succeeded() && result.result().statusCode() == 200
                            && result.result().bodyAsJsonObject().getInteger("total_sessions") >= pending.expected()) {
                        if (pending.into() != null) {
                            pending.into().recordValue(Math.max(1, (System.nanoTime() - pending.acknowledgedAt()) / 1000));
                        }
                        done.countDown();
                    } else {
                        inFlight.add(pending);
                    }
                });
    }

    /** Waits until progress counts every log already written, and returns those counts per skill. */
    private static AtomicInteger[] settled(BenchContext bench, WriteThroughput.Writers writers) throws Exception {
        int skills = writers.skills().size();
        int[] logs = OpenLoop.logsPerSkill(bench, writers);
        AtomicInteger[] written = new AtomicInteger[skills];
        for (int i = 0; i < skills; i++) {
            written[i] = new AtomicInteger(logs[i]);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < skills; i++) {
            while (sessions(bench, writers, i) < written[i].get()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("progress did not catch up with the writes before P2");
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        return written;
    }

    private static int sessions(BenchContext bench, WriteThroughput.Writers writers, int skill) {
        UUID id = writers.skills().get(skill);
        var response = bench.await(bench.request(HttpMethod.GET, Service.PROGRESS, "/progress/skills/" + id, writers.users().get(skill)).send());
        return response.statusCode() == 200 ? response.bodyAsJsonObject().getInteger("total_sessions") : 0;
    }
}
