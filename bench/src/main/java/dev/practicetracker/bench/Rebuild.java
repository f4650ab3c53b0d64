package dev.practicetracker.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * P4: rebuilding the progress projection from 1 M log events (up to 1 000 users × 20 skills × 50 logs,
 * published as practice-log-service would, so that the topic holds 1 M with what the scenarios before
 * wrote). First the live consumers catch up with them; then the projection is dropped and replayed
 * ({@code POST /progress/admin/rebuild}) and timed until every log is back and no skill or user is
 * left stale (a backlog writes facts first; the figures are recomputed once it is over). Beside it:
 * Kafka's ConsumerPerformance reading the same topic.
 */
final class Rebuild {

    static final int USERS = 1000;
    static final int SKILLS_PER_USER = 20;
    static final int LOGS_PER_SKILL = 50;
    static final int EVENTS = USERS * SKILLS_PER_USER * LOGS_PER_SKILL;
    static final double MAXIMUM_SECONDS = 20;
    private static final Duration CLOSE_COUNT_INTERVAL = Duration.ofMillis(250);

    private Rebuild() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        long before = logFacts(bench);
        long insertedBefore = factsInserted(bench);
        long published = publish(bench, Math.max(0, EVENTS - recordsOn(bench, Topics.PRACTICE_LOG_EVENTS)));
        long target = before + published;
        long caughtUp = waitForLogFacts(bench, insertedBefore, published, target, System.nanoTime());
        System.out.printf("P4: %d events published; live consumers caught up in %.1f s%n", published, caughtUp / 1e9);
        bench.settle();

        long insertedBeforeRebuild = factsInserted(bench);
        var response = bench.await(bench.http.requestAbs(HttpMethod.POST, bench.url(Service.PROGRESS) + "/progress/admin/rebuild")
                .bearerTokenAuthentication(bench.adminToken()).send());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + response.statusCode() + " " + response.bodyAsString());
        }
        long started = System.nanoTime();
        double factsBack = waitForLogFacts(bench, insertedBeforeRebuild, target, target, started) / 1e9;
        double seconds = waitUntilNothingStale(bench, started) / 1e9;
        System.out.printf("P4: every log fact back after %.1f s, every figure recomputed after %.1f s%n", factsBack, seconds);
        long onTopic = recordsOn(bench, Topics.PRACTICE_LOG_EVENTS);
        double ours = onTopic / seconds;
        double limit = KafkaTools.consumerRecordsPerSecond(bench.kafka(), Topics.PRACTICE_LOG_EVENTS, onTopic);
        System.out.printf("P4: rebuild of %d events in %.1f s (%.0f events/s) vs ConsumerPerformance %.0f records/s%n", onTopic, seconds,
                ours, limit);
        return List.of(
                Result.bounded("P4", "rebuild of progress from " + String.format("%,d", onTopic) + " log events", seconds, "s",
                        "—", null, "", MAXIMUM_SECONDS),
                Result.observed("P4 facts", "of which: until every log's fact was back (the figures are recomputed after)", factsBack, "s"),
                new Result("P4 rate", "rebuild rate", ours, "events/s", "Kafka ConsumerPerformance, same topic", limit, "records/s",
                        ours / limit, "(context)", null));
    }

    /** Publishes {@code events} log events (at most {@link #EVENTS}). */
    private static long publish(BenchContext bench, long events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        long count = 0;
        Instant base = Instant.now().minusSeconds(3600L * 24 * 400);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (int log = 0; log < LOGS_PER_SKILL && count < events; log++) {
                for (int user = 0; user < USERS && count < events; user++) {
                    UUID userId = id("b", user);
                    for (int skill = 0; skill < SKILLS_PER_USER && count < events; skill++) {
                        UUID skillId = id("c", user * SKILLS_PER_USER + skill);
                        Instant practiced = base.plusSeconds(86_400L * log * 7 + 3600L * skill);
                        PracticeLogData data = new PracticeLogData(id("d", count), userId, skillId, practiced,
                                LocalDate.ofInstant(practiced, ZoneOffset.UTC), "UTC", 10 + (int) (count % 80),
                                "Generated practice session", 1 + (int) (count % 5), null, "practice", null, false, 1, practiced,
                                practiced, false);
                        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/practice-log-service",
                                EventTypes.PRACTICE_LOG_CREATED, data.id().toString(), practiced, userId);
                        producer.send(new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, null, envelope.key(), EventJson.write(data),
                                envelope.toHeaders()));
                        count++;
                    }
                }
            }
            producer.flush();
        }
        return count;
    }

    /**
     * Until progress holds {@code target} facts, {@code inserts} of them inserted from when the insert
     * counter stood at {@code insertedBefore}. Watched through PostgreSQL's cumulative insert counter
     * for the table (cheap), then confirmed by counting: a {@code count(*)} of a million rows every
     * 200 ms would itself load the database the rebuild runs on. The counter trails: a backend
     * reports its inserts at most once a second while busy, and an idle one only after ten seconds, so
     * the last batches may never show in time. So the rows are counted every few seconds anyway, and
     * every {@link #CLOSE_COUNT_INTERVAL} once the counter is within a tenth of the target, so that
     * the time measured is not rounded to the slow count's interval.
     */
    private static long waitForLogFacts(BenchContext bench, long insertedBefore, long inserts, long target, long since)
            throws Exception {
        long deadline = since + TimeUnit.MINUTES.toNanos(15);
        long counted = System.nanoTime();
        long inserted = insertedBefore + inserts;
        long nearly = insertedBefore + inserts * 9 / 10;
        while (true) {
            long insertedNow = factsInserted(bench);
            long sinceCounted = System.nanoTime() - counted;
            if (insertedNow >= inserted || sinceCounted > TimeUnit.SECONDS.toNanos(3)
                    || insertedNow >= nearly && sinceCounted > CLOSE_COUNT_INTERVAL.toNanos()) {
                if (logFacts(bench) >= target) {
                    return System.nanoTime() - since;
                }
                counted = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("progress did not reach " + target + " log facts");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Until the drain after the backlog has recomputed every skill and user the backlog marked stale. */
    private static long waitUntilNothingStale(BenchContext bench, long since) throws Exception {
        long deadline = since + TimeUnit.MINUTES.toNanos(15);
        while (progressCount(bench, "select (select count(*) from stale_skills) + (select count(*) from stale_users)") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("progress still has stale skills or users");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return System.nanoTime() - since;
    }

    private static long factsInserted(BenchContext bench) throws Exception {
        return progressCount(bench, "select n_tup_ins from pg_stat_user_tables where relname = 'log_facts'");
    }

    private static long logFacts(BenchContext bench) throws Exception {
        return progressCount(bench, "select count(*) from log_facts");
    }

    /** One number from progress's database. */
    private static long progressCount(BenchContext bench, String query) throws Exception {
        try (Connection database = bench.database("progress"); ResultSet result = database.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long recordsOn(BenchContext bench, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bench.kafka()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(offset -> offset.offset()).sum();
        }
    }

    /** Readable, distinct ids per kind (b: users, c: skills, d: logs). */
    private static UUID id(String kind, long n) {
        return UUID.fromString("00000000-0000-4" + kind + "00-8000-" + String.format("%012x", n));
    }
}
