package dev.practicetracker.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * P9: how long after {@code POST /practice-logs} returns its log's effect is on progress-events, as
 * {@code skill-progress.changed.v1} with the skill's new session count, at a steady
 * {@link #WRITES_PER_SECOND} writes/s (open loop), as a consumer of the topic sees it: the log's
 * relay, the broker, progress's consumer and its recompute, progress's relay and the broker again.
 * Beside it: Kafka's own end-to-end latency on the same broker, which that path crosses twice.
 */
final class DerivedEvents {

    static final int WRITES_PER_SECOND = 100;
    static final int SETTLE_SECONDS = 20;
    static final String TOPIC = "progress-events";
    static final String CHANGED = "skill-progress.changed.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A write practice-log-service acknowledged: the session count its skill reaches with it. */
    private record Pending(int expected, long acknowledgedAt, boolean measured) {
    }

    private DerivedEvents() {
    }

    static List<Result> run(BenchContext bench, WriteThroughput.Writers writers) throws Exception {
        int skills = writers.skills().size();
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < skills; i++) {
            index.put(writers.skills().get(i), i);
        }
        Histogram steady = new Histogram(3);
        AtomicLong failures = new AtomicLong();
        int settling = WRITES_PER_SECOND * SETTLE_SECONDS;
        int total = settling + (int) (WRITES_PER_SECOND * bench.measure.toSeconds());
        List<Queue<Pending>> pending = new ArrayList<>();
        for (int i = 0; i < skills; i++) {
            pending.add(new ConcurrentLinkedQueue<>());
        }
        AtomicInteger seen = new AtomicInteger();
        System.out.printf("[bench] P9: %d s at %d writes/s to settle, then %d s measured, read from %s%n", SETTLE_SECONDS,
                WRITES_PER_SECOND, bench.measure.toSeconds(), TOPIC);
        try (KafkaConsumer<String, String> consumer = consumer(bench)) {
            // from the end of the topic as it is now: assigned and positioned before the first write
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            int[] logs = OpenLoop.logsPerSkill(bench, writers);
            AtomicInteger[] acknowledged = new AtomicInteger[skills];
            for (int i = 0; i < skills; i++) {
                acknowledged[i] = new AtomicInteger(logs[i]);
            }
            long timer = OpenLoop.start(bench, writers, WRITES_PER_SECOND, total, new OpenLoop.Answers() {
                @Override
                public void acknowledged(int write, int skill, long atNanos) {
                    pending.get(skill).add(new Pending(acknowledged[skill].incrementAndGet(), atNanos, write >= settling));
                }

                @Override
                public void failed(int write) {
                    failures.incrementAndGet();
                    seen.incrementAndGet();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS + bench.measure.toSeconds() + 120);
            try {
                while (seen.get() < total) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("writes did not reach " + TOPIC + ": " + seen.get() + " of " + total);
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        if (!CHANGED.equals(header(record, "ce_type"))) {
                            continue;
                        }
                        var data = JSON.readTree(record.value());
                        Integer skill = index.get(UUID.fromString(data.path("skill_id").asText()));
                        if (skill == null) {
                            continue;
                        }
                        int sessions = data.path("total_sessions").asInt();
                        Queue<Pending> waiting = pending.get(skill);
                        for (Pending head; (head = waiting.peek()) != null && head.expected() <= sessions;) {
                            waiting.poll();
                            seen.incrementAndGet();
                            if (head.measured()) {
                                steady.recordValue(Math.max(1, (now - head.acknowledgedAt()) / 1000));
                            }
                        }
                    }
                }
            } finally {
                bench.vertx.cancelTimer(timer);
            }
        }
        KafkaTools.Latency kafka = KafkaTools.endToEndLatency(bench.kafka(), "bench-e2e", 10_000);
        double p50 = steady.getValueAtPercentile(50) / 1000.0;
        double p99 = steady.getValueAtPercentile(99) / 1000.0;
        System.out.printf("P9: write -> skill-progress.changed on %s p50 %.1f ms, p99 %.1f ms over %d writes (%d failed); Kafka"
                + " end-to-end p50 %.2f, p99 %.2f ms%n", TOPIC, p50, p99, steady.getTotalCount(), failures.get(), kafka.p50(), kafka.p99());
        String what = "write → its skill-progress.changed.v1 read from " + TOPIC + " at " + WRITES_PER_SECOND + " writes/s";
        return List.of(
                Result.observed("P9 p50", what + ", p50 (Kafka end-to-end p50 " + Result.format(kafka.p50()) + " ms, crossed twice)", p50,
                        "ms"),
                Result.observed("P9 p99", what + ", p99 (Kafka end-to-end p99 " + Result.format(kafka.p99()) + " ms, crossed twice)", p99,
                        "ms"));
    }

    private static KafkaConsumer<String, String> consumer(BenchContext bench) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bench.kafka());
        properties.put("group.id", "bench-derived-events-" + UUID.randomUUID());
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        properties.put("fetch.max.wait.ms", "5");
        return new KafkaConsumer<>(properties);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
