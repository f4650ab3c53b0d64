package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.events.Topics;
import dev.practicetracker.local.Service;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.reliability.Scoreboard.Row;

/**
 * Breaks the running system on purpose — the broker, a consumer, the database, the relay — and
 * checks that no acknowledged write is lost, none is counted twice, and that everything recovers
 * by itself. One stack for all scenarios, each with users of its own; the figures go to the
 * summary table (docs/RELIABILITY.md says which guarantee each scenario proves).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** Longer than the minute Kafka's connector lets a record wait unacknowledged by default. */
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(75);

    private static Practice practice;

    @BeforeAll
    static void start() throws Exception {
        practice = Practice.shared();
    }

    @AfterAll
    static void summary() throws Exception {
        Scoreboard.print(Path.of("target", "reliability-summary.md"));
    }

    @Test
    @Order(1)
    void writesDuringAKafkaOutageAreAllPublishedInOrderWhenItReturns() throws Exception {
        Practice.Learner learner = practice.newLearner();
        int writes = 40;

        practice.stack.killKafka();
        List<String> written = new ArrayList<>();
        long minutes = 0;
        long serverErrors = 0;
        for (int i = 0; i < writes; i++) {
            Response response = practice.postLog(learner.token(), learner.skill(), 10 + i);
            serverErrors += response.isServerError() ? 1 : 0;
            assertThat(response.status()).as("a write while Kafka is down: %s", response.body()).isEqualTo(201);
            written.add(response.json().path("id").asText());
            minutes += 10 + i;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> practice.readiness(Service.PRACTICE_LOG) == 503);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> practice.metric(Service.PRACTICE_LOG, "practice_tracker_outbox_backlog") >= writes);

        Instant back = Instant.now();
        practice.stack.restartKafka();
        Instant caughtUp = practice.awaitProgress(learner.token(), learner.skill(), writes, minutes, CATCH_UP);
        await().atMost(Duration.ofSeconds(60)).until(() -> practice.readiness(Service.PRACTICE_LOG) == 200);

        List<String> published = logEventsOf(learner.user()).stream().map(record -> header(record, "ce_subject")).toList();
        assertThat(published).as("every write published once, in the order it was written").containsExactlyElementsOf(written);
        Scoreboard.record(new Row("Kafka outage (broker SIGKILLed, writes go on)", writes, lost(written, published),
                published.size() - published.stream().distinct().count(), serverErrors, seconds(back, caughtUp),
                "201 for every write; readiness 503 while down"));
    }

    @Test
    @Order(2)
    void aProgressConsumerCrashedMidStreamLosesAndDoublesNothing() throws Exception {
        Practice.Learner learner = practice.newLearner();
        Writer writer = new Writer(learner.token(), learner.skill(), 240);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = pool.submit(writer);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode progress = practice.progress(learner.token(), learner.skill());
                return progress != null && progress.path("total_sessions").asLong() >= 40;
            });
            practice.stack.kill(Service.PROGRESS);
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acknowledged.get() >= 160);
            Instant restarted = Instant.now();
            practice.stack.restart(Service.PROGRESS);
            writing.get();

            long[] expected = practice.recomputed(learner.skill());
            Instant caughtUp = practice.awaitProgress(learner.token(), learner.skill(), expected[0], expected[1], CATCH_UP);
            assertThat(expected[0]).isEqualTo(writer.acknowledged.get());
            Scoreboard.record(new Row("progress consumer SIGKILLed mid-stream", writer.acknowledged.get(), 0, 0, writer.serverErrors.get(),
                    seconds(restarted, caughtUp), "totals equal a recomputation from the log database"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void anEvidenceConsumerCrashedMidStreamStillCascadesEveryDeletedLog() throws Exception {
        Practice.Learner learner = practice.newLearner();
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String log = practice.postLog(learner.token(), learner.skill(), 20).json().path("id").asText();
            logs.add(log);
            Response evidence = Client.post(practice.url(Service.EVIDENCE, "/evidence"), learner.token(),
                    Map.of("type", "note", "text", "Evidence of " + log, "practice_log_id", log));
            assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        }
        List<String> deleted = logs.subList(0, 20);
        AtomicLong serverErrors = new AtomicLong();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger done = new AtomicInteger();
            Future<?> deleting = pool.submit(() -> deleted.forEach(log -> {
                Response response = Client.delete(practice.url(Service.PRACTICE_LOG, "/practice-logs/" + log), learner.token());
                serverErrors.addAndGet(response.isServerError() ? 1 : 0);
                assertThat(response.status()).isEqualTo(204);
                done.incrementAndGet();
            }));
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 5);
            practice.stack.kill(Service.EVIDENCE);
            deleting.get();
            Instant restarted = Instant.now();
            practice.stack.restart(Service.EVIDENCE);
            await().atMost(CATCH_UP).until(() -> practice.count(Service.EVIDENCE,
                    "select count(*) from evidence where user_id = ?::uuid", learner.user().toString()) == logs.size() - deleted.size());
            Instant caughtUp = Instant.now();
            // the cascade's events leave through evidence-service's outbox: read the topic once it is empty
            await().atMost(CATCH_UP).until(() -> practice.count(Service.EVIDENCE, "select count(*) from outbox") == 0);

            // one deletion event per item; a copy of that same event (same ce_id) is the relay's
            // at-least-once publishing after the crash, which consumers ignore
            Map<String, Set<String>> deletions = new HashMap<>();
            long records = 0;
            for (ConsumerRecord<String, String> record : practice.readAll(Topics.EVIDENCE_EVENTS)) {
                if (learner.user().toString().equals(record.key()) && "evidence.deleted.v1".equals(header(record, "ce_type"))) {
                    deletions.computeIfAbsent(header(record, "ce_subject"), item -> new HashSet<>()).add(header(record, "ce_id"));
                    records++;
                }
            }
            assertThat(deletions).hasSize(deleted.size());
            assertThat(deletions.values()).as("deletion events per evidence item").allSatisfy(ids -> assertThat(ids).hasSize(1));
            long copies = records - deletions.size();
            long survivors = practice.count(Service.EVIDENCE, "select count(*) from evidence where user_id = ?::uuid"
                    + " and practice_log_id = any(?::uuid[])", learner.user().toString(), logs.subList(20, 30).toArray(String[]::new));
            assertThat(survivors).as("evidence of logs that were not deleted").isEqualTo(10);
            Scoreboard.record(new Row("evidence consumer SIGKILLed mid-cascade", deleted.size(), 10 - survivors, 0,
                    serverErrors.get(), seconds(restarted, caughtUp),
                    "one evidence.deleted.v1 per item; " + copies + " republished copies of the same event"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(4)
    void everyEventDeliveredAgainAndOutOfOrderChangesNothing() throws Exception {
        Practice.Learner learner = practice.newLearner();
        for (int i = 0; i < 30; i++) {
            practice.postLog(learner.token(), learner.skill(), 15 + i);
        }
        modifyAndDelete(learner.token(), learner.skill());
        JsonNode before = settledProgress(learner);

        List<ConsumerRecord<String, String>> events = logEventsOf(learner.user());
        List<ConsumerRecord<String, String>> replay = new ArrayList<>(events);
        Collections.reverse(replay); // creations after their updates and deletions
        replay.addAll(events);
        replay.addAll(events);
        practice.send(replay.stream().map(FaultsIT::again).toList());
        practice.awaitCaughtUp("progress-service", Topics.PRACTICE_LOG_EVENTS, CATCH_UP);

        JsonNode after = practice.progressSnapshot(learner.token(), learner.skill());
        assertThat(after).isEqualTo(before);
        Scoreboard.record(new Row("every event 3 more times, first in reverse order", replay.size(), 0, 0, 0, Double.NaN,
                events.size() + " events incl. updates and deletes; progress identical"));
    }

    @Test
    @Order(5)
    void aPoisonRecordIsDeadLetteredAndTheNextRecordStillApplied() {
        Practice.Learner learner = practice.newLearner();
        String marker = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, learner.user().toString(), "{not json " + marker);
        poison.headers().add("ce_type", "practice-log.created.v1".getBytes(StandardCharsets.UTF_8));
        practice.send(List.of(poison));
        assertThat(practice.postLog(learner.token(), learner.skill(), 25).status()).isEqualTo(201);

        practice.awaitProgress(learner.token(), learner.skill(), 1, 25, CATCH_UP);
        await().atMost(Duration.ofSeconds(30)).until(() -> practice.readAll(Topics.deadLetter(Topics.PRACTICE_LOG_EVENTS)).stream()
                .filter(record -> record.value().contains(marker)).count() >= 3);
        List<ConsumerRecord<String, String>> parked = practice.readAll(Topics.deadLetter(Topics.PRACTICE_LOG_EVENTS)).stream()
                .filter(record -> record.value().contains(marker)).toList();
        assertThat(parked).as("parked once by each consumer of the topic (skills, evidence, progress)").hasSize(3)
                .allSatisfy(record -> assertThat(header(record, "dead-letter-reason")).isNotBlank());
        Scoreboard.record(new Row("poison record on practice-log-events", 2, 0, 0, 0, Double.NaN,
                "on .dlq with its reason; the next record applied"));
    }

    @Test
    @Order(6)
    void whileThePostgresIsDownRequestsFailCleanlyAndTheServicesRecoverByThemselves() throws Exception {
        // each outage catches the services at another moment (a pooled connection the server closed, a batch
        // mid-transaction); the soak profile repeats it
        int outages = Integer.getInteger("reliability.postgres.outages", 5);
        List<Response> answers = new ArrayList<>();
        double slowestRecovery = 0;
        for (int outage = 0; outage < outages; outage++) {
            Practice.Learner learner = practice.newLearner();
            assertThat(practice.postLog(learner.token(), learner.skill(), 30).status()).isEqualTo(201);

            practice.stack.stopPostgres();
            List<Response> duringOutage = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> practice.readiness(Service.PRACTICE_LOG) == 503);
                for (int i = 0; i < 5; i++) {
                    duringOutage.add(practice.postLog(learner.token(), learner.skill(), 30));
                    duringOutage.add(Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs"), learner.token()));
                    duringOutage.add(Client.get(practice.url(Service.PROGRESS, "/progress/skills/" + learner.skill()), learner.token()));
                    duringOutage.add(Client.get(practice.url(Service.SKILLS, "/skills"), learner.token()));
                }
            } finally {
                practice.stack.startPostgres();
            }
            Instant back = Instant.now();
            assertThat(duringOutage).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.body()).doesNotContain("Exception", "at io.", "at java.", "SQL", "postgres", "Connection refused");
            });
            answers.addAll(duringOutage);
            for (Service service : Service.values()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> practice.readiness(service) == 200);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> practice.postLog(learner.token(), learner.skill(), 30).status() == 201);
            slowestRecovery = Math.max(slowestRecovery, seconds(back, Instant.now()));
            // both logs, the one written just before the outage too
            practice.awaitProgress(learner.token(), learner.skill(), 2, 60, CATCH_UP);
        }
        Scoreboard.record(new Row("PostgreSQL stopped under the services" + (outages > 1 ? ", " + outages + " times" : ""), answers.size(),
                0, 0, answers.stream().filter(answer -> answer.status() != 503).count(), slowestRecovery,
                "every request 503 problem+json, readiness down and up, no restart"));
    }

    @Test
    @Order(7)
    void aConsumerWaitsOutADatabaseOutageLongerThanAMinuteWithoutStopping() throws Exception {
        Practice.Learner learner = practice.newLearner();
        assertThat(practice.postLog(learner.token(), learner.skill(), 20).status()).isEqualTo(201);
        practice.awaitProgress(learner.token(), learner.skill(), 1, 20, CATCH_UP);
        List<ConsumerRecord<String, String>> events = logEventsOf(learner.user());

        practice.stack.stopPostgres();
        try {
            // delivered again now, the user's events wait in every log consumer's retry for the whole outage
            practice.send(events.stream().map(FaultsIT::again).toList());
            await().during(LONG_OUTAGE).atMost(LONG_OUTAGE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Arrays.stream(Service.values()).allMatch(service -> practice.liveness(service) == 200));
        } finally {
            practice.stack.startPostgres();
        }
        Instant back = Instant.now();
        for (Service service : Service.values()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> practice.readiness(service) == 200);
        }
        assertThat(practice.postLog(learner.token(), learner.skill(), 25).status()).isEqualTo(201);
        practice.awaitProgress(learner.token(), learner.skill(), 2, 45, CATCH_UP);
        Scoreboard.record(new Row("PostgreSQL down for " + LONG_OUTAGE.toSeconds() + " s, events waiting in the consumers",
                events.size(), 0, 0, 0, seconds(back, Instant.now()), "liveness up throughout; consumers resume, no restart"));
    }

    @Test
    @Order(8)
    void eventsPublishedAgainAfterARelayCrashAreIgnoredByConsumers() throws Exception {
        Practice.Learner learner = practice.newLearner();
        for (int i = 0; i < 20; i++) {
            practice.postLog(learner.token(), learner.skill(), 5 + i);
        }
        JsonNode before = settledProgress(learner);

        // The state a crash between "the broker acknowledged" and "the rows were deleted" leaves:
        // the published rows still in the outbox. Put them back, then crash and restart the service.
        List<ConsumerRecord<String, String>> published = logEventsOf(learner.user());
        restoreIntoOutbox(published);
        practice.stack.kill(Service.PRACTICE_LOG);
        Instant restarted = Instant.now();
        practice.stack.restart(Service.PRACTICE_LOG);
        await().atMost(CATCH_UP).until(() -> practice.count(Service.PRACTICE_LOG, "select count(*) from outbox") == 0);
        practice.awaitCaughtUp("progress-service", Topics.PRACTICE_LOG_EVENTS, CATCH_UP);
        Instant drained = Instant.now();

        Map<String, Integer> copies = new HashMap<>();
        logEventsOf(learner.user()).forEach(record -> copies.merge(header(record, "ce_id"), 1, Integer::sum));
        assertThat(copies.values()).as("each event now twice on the topic").containsOnly(2);
        assertThat(practice.progressSnapshot(learner.token(), learner.skill())).isEqualTo(before);
        Scoreboard.record(new Row("relay crash between publish and delete", published.size(), 0, 0, 0, seconds(restarted, drained),
                "every event published twice; progress unchanged"));
    }

    @Test
    @Order(9)
    void loadHeldByConcurrentClientsLosesNothing() throws Exception {
        int clients = Integer.getInteger("reliability.load.clients", 8);
        Duration length = Duration.ofSeconds(Integer.getInteger("reliability.load.seconds", 20));
        List<String> tokens = new ArrayList<>();
        List<String> skills = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String token = practice.token(UUID.randomUUID());
            tokens.add(token);
            skills.add(practice.createSkill(token));
        }
        AtomicLong operations = new AtomicLong();
        AtomicLong serverErrors = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long[] written = new long[clients];
        long[] minutes = new long[clients];
        Instant end = Instant.now().plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    int i = 0;
                    while (Instant.now().isBefore(end)) {
                        int duration = 1 + (i++ % 90);
                        List<Response> answers = List.of(practice.postLog(tokens.get(client), skills.get(client), duration),
                                Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs?limit=20"), tokens.get(client)),
                                Client.get(practice.url(Service.PROGRESS, "/progress/skills/" + skills.get(client)), tokens.get(client)));
                        operations.addAndGet(answers.size());
                        if (answers.get(0).status() == 201) {
                            written[client]++;
                            minutes[client] += duration;
                        }
                        answers.stream().filter(answer -> answer.status() >= 500 || answer.status() < 0)
                                .forEach(answer -> {
                                    serverErrors.incrementAndGet();
                                    failures.add(answer.status() + " " + answer.body());
                                });
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Instant stopped = Instant.now();
        long lost = 0;
        long duplicated = 0;
        for (int c = 0; c < clients; c++) {
            practice.awaitProgress(tokens.get(c), skills.get(c), written[c], minutes[c], CATCH_UP);
            long stored = practice.recomputed(skills.get(c))[0];
            lost += Math.max(0, written[c] - stored);
            duplicated += Math.max(0, stored - written[c]);
        }
        Instant consistent = Instant.now();
        assertThat(failures).as("5xx or unreachable under load").isEmpty();
        assertThat(lost + duplicated).isZero();
        Scoreboard.record(new Row("load held: " + clients + " clients x " + length.toSeconds() + " s (write, list, progress)",
                operations.get(), lost, duplicated, serverErrors.get(), seconds(stopped, consistent),
                Arrays.stream(written).sum() + " logs; progress consistent"));
    }

    /** Writes logs one after another and counts what was acknowledged. */
    private static final class Writer implements Runnable {

        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
        private final String token;
        private final String skill;
        private final int count;

        Writer(String token, String skill, int count) {
            this.token = token;
            this.skill = skill;
            this.count = count;
        }

        @Override
        public void run() {
            for (int i = 0; i < count; i++) {
                Response response = practice.postLog(token, skill, 1 + i % 60);
                serverErrors.addAndGet(response.isServerError() ? 1 : 0);
                if (response.status() == 201) {
                    acknowledged.incrementAndGet();
                }
            }
        }
    }

    /** Updates some of the skill's logs (new versions) and deletes others, so events carry history. */
    private static void modifyAndDelete(String token, String skill) {
        JsonNode page = Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs?limit=30&skill_id=" + skill), token).json();
        int i = 0;
        for (JsonNode log : page.path("items")) {
            String id = log.path("id").asText();
            Response response = i % 3 == 0 ? Client.delete(practice.url(Service.PRACTICE_LOG, "/practice-logs/" + id), token)
                    : Client.patch(practice.url(Service.PRACTICE_LOG, "/practice-logs/" + id), token, Map.of("duration", 50 + i));
            assertThat(response.status()).as(response.body()).isIn(200, 204);
            i++;
        }
        assertThat(i).isPositive();
    }

    /**
     * The skill's progress once every event so far has been applied: its logs (compared with the log
     * database) and the skill itself, whose name reaches progress on its own topic, at its own pace.
     */
    private static JsonNode settledProgress(Practice.Learner learner) throws Exception {
        long[] expected = practice.recomputed(learner.skill());
        practice.awaitProgress(learner.token(), learner.skill(), expected[0], expected[1], CATCH_UP);
        String name = Client.get(practice.url(Service.SKILLS, "/skills/" + learner.skill()), learner.token()).json().path("name").asText();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                .until(() -> name.equals(practice.progress(learner.token(), learner.skill()).path("skill_name").asText(null)));
        practice.awaitCaughtUp("progress-service", Topics.PRACTICE_LOG_EVENTS, CATCH_UP);
        practice.awaitCaughtUp("progress-service", Topics.SKILL_EVENTS, CATCH_UP);
        return practice.progressSnapshot(learner.token(), learner.skill());
    }

    /** A user's records on practice-log-events, in the order of their partition. */
    private static List<ConsumerRecord<String, String>> logEventsOf(UUID user) {
        return practice.readAll(Topics.PRACTICE_LOG_EVENTS).stream().filter(record -> user.toString().equals(record.key())).toList();
    }

    private static void restoreIntoOutbox(List<ConsumerRecord<String, String>> published) throws Exception {
        String insert = "insert into outbox (event_id, topic, type, subject, user_id, occurred_at, payload)"
                + " values (?::uuid, ?, ?, ?, ?::uuid, ?::timestamptz, ?)";
        try (Connection connection = practice.connect(Service.PRACTICE_LOG); PreparedStatement statement = connection.prepareStatement(insert)) {
            for (ConsumerRecord<String, String> record : published) {
                statement.setString(1, header(record, "ce_id"));
                statement.setString(2, record.topic());
                statement.setString(3, header(record, "ce_type"));
                statement.setString(4, header(record, "ce_subject"));
                statement.setString(5, header(record, "ce_userid"));
                statement.setString(6, header(record, "ce_time"));
                statement.setString(7, record.value());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static ProducerRecord<String, String> again(ConsumerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
    }

    private static long lost(List<String> written, List<String> published) {
        return written.stream().filter(id -> !published.contains(id)).count();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
