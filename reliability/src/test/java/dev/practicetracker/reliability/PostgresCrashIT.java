package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.practicetracker.local.Service;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.reliability.Scoreboard.Row;

/**
 * PostgreSQL crashed under concurrent writers, as a power cut or an OOM kill of the database does it:
 * every postgres process SIGKILLed at once, nothing flushed, then started again on the same data
 * directory, several times in a row ({@code reliability.postgres.crashes}; 20 in the soak). A write
 * answered 2xx must be there afterwards, progress must equal a recomputation from the log database
 * (nothing lost, nothing counted that is not stored), evidence cascades must still hold, and no
 * service may need a restart.
 */
class PostgresCrashIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final int WRITERS = 4;
    /** Writes acknowledged between two crashes, so that each crash hits writers mid-stream. */
    private static final int WRITES_BETWEEN_CRASHES = 40;

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
    void everyAcknowledgedWriteSurvivesPostgresCrashesUnderConcurrentWriters() throws Exception {
        int crashes = Integer.getInteger("reliability.postgres.crashes", 2);
        Map<Service, Long> pids = practice.stack.servicePids();
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer(practice.newLearner()));
        }
        EvidenceOwner evidence = EvidenceOwner.withLogs(practice.newLearner(), 2 * crashes + 4);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        double slowestRecovery = 0;
        int killedProcesses = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            writers.forEach(writer -> running.add(pool.submit(writer)));
            running.add(pool.submit(evidence::deleteHalfOfTheLogs));
            for (int crash = 0; crash < crashes; crash++) {
                long before = acknowledged(writers);
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(writers) >= before + WRITES_BETWEEN_CRASHES);
                Instant crashed = Instant.now();
                killedProcesses = Math.max(killedProcesses, practice.stack.crashPostgres());
                practice.stack.startPostgres();
                long afterCrash = acknowledged(writers);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> acknowledged(writers) > afterCrash);
                slowestRecovery = Math.max(slowestRecovery, Duration.between(crashed, Instant.now()).toMillis() / 1000.0);
            }
            long last = acknowledged(writers);
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(writers) >= last + WRITES_BETWEEN_CRASHES);
            writers.forEach(Writer::stop);
            for (Future<?> task : running) {
                task.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.forEach(Writer::stop);
            pool.shutdownNow();
        }

        long acknowledged = 0;
        long lost = 0;
        for (Writer writer : writers) {
            Set<String> stored = practice.ids(Service.PRACTICE_LOG, "select id::text from practice_logs where skill_id = ?::uuid",
                    writer.learner.skill());
            acknowledged += writer.acknowledged.size();
            lost += writer.acknowledged.stream().filter(id -> !stored.contains(id)).count();
        }
        assertThat(writers).flatExtracting(writer -> List.copyOf(writer.unexpected)).as("answers other than 201 or 503").isEmpty();
        assertThat(lost).as("acknowledged writes missing after %d crashes", crashes).isZero();

        // progress equals a recomputation from the log database: a phantom (an event published for a
        // write the database then lost) would keep it above
        long phantom = 0;
        for (Writer writer : writers) {
            long[] stored = practice.recomputed(writer.learner.skill());
            practice.awaitProgress(writer.learner.token(), writer.learner.skill(), stored[0], stored[1], CATCH_UP);
            phantom += practice.progress(writer.learner.token(), writer.learner.skill()).path("total_sessions").asLong() - stored[0];
        }
        assertThat(phantom).as("sessions progress counts that the log database does not hold").isZero();
        evidence.awaitCascades();

        assertThat(practice.stack.servicePids()).as("no service was restarted").isEqualTo(pids);
        for (Service service : Service.values()) {
            // a JDBC connection pooled before the crash fails the readiness check that meets it, once
            await().atMost(Duration.ofSeconds(30)).until(() -> practice.readiness(service) == 200);
        }
        Scoreboard.record(new Row("PostgreSQL crashed (every process SIGKILLed) under " + WRITERS + " writers, " + crashes + " times",
                acknowledged, lost, phantom, writers.stream().mapToLong(writer -> writer.failed.get()).sum(), slowestRecovery,
                acknowledged + " acknowledged, " + lost + " lost, " + phantom + " phantom; " + killedProcesses
                        + " processes killed per crash; evidence cascades held; no service restarted"));
    }

    private static long acknowledged(List<Writer> writers) {
        return writers.stream().mapToLong(writer -> writer.acknowledged.size()).sum();
    }

    /** Writes logs one after another until stopped, keeping the ids the service acknowledged. */
    private static final class Writer implements Runnable {

        final Practice.Learner learner;
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        /** Answers other than 201 (503 while the database recovers); retried, never counted as written. */
        final AtomicLong failed = new AtomicLong();
        /** Answers that are neither 201 nor a 503 problem: none may occur. */
        final Set<String> unexpected = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean stopped = new AtomicBoolean();

        Writer(Practice.Learner learner) {
            this.learner = learner;
        }

        @Override
        public void run() {
            int i = 0;
            while (!stopped.get()) {
                Response response = practice.postLog(learner.token(), learner.skill(), 1 + i++ % 90);
                if (response.status() == 201) {
                    acknowledged.add(response.json().path("id").asText());
                } else {
                    failed.incrementAndGet();
                    if (response.status() != 503 || !response.contentType().startsWith("application/problem+json")) {
                        unexpected.add(response.status() + " " + response.body());
                    }
                    backOff();
                }
            }
        }

        void stop() {
            stopped.set(true);
        }
    }

    /** A client pacing its retries while the database is away, as a 503 asks; not a synchronisation. */
    private static void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A learner whose logs each carry a note; half of the logs are deleted while the database crashes. */
    private record EvidenceOwner(Practice.Learner learner, List<String> logs) {

        static EvidenceOwner withLogs(Practice.Learner learner, int count) {
            List<String> logs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Response written = practice.postLog(learner.token(), learner.skill(), 20);
                assertThat(written.status()).as(written.body()).isEqualTo(201);
                String log = written.json().path("id").asText();
                Response note = Client.post(practice.url(Service.EVIDENCE, "/evidence"), learner.token(),
                        Map.of("type", "note", "text", "Evidence of " + log, "practice_log_id", log));
                assertThat(note.status()).as(note.body()).isEqualTo(201);
                logs.add(log);
            }
            return new EvidenceOwner(learner, logs);
        }

        List<String> deleted() {
            return logs.subList(0, logs.size() / 2);
        }

        List<String> kept() {
            return logs.subList(logs.size() / 2, logs.size());
        }

        /** Deletes each log of the first half until the service answers 204 (or 404: an earlier try committed). */
        void deleteHalfOfTheLogs() {
            for (String log : deleted()) {
                int status = Client.delete(practice.url(Service.PRACTICE_LOG, "/practice-logs/" + log), learner.token()).status();
                while (status != 204 && status != 404) {
                    backOff();
                    status = Client.delete(practice.url(Service.PRACTICE_LOG, "/practice-logs/" + log), learner.token()).status();
                }
            }
        }

        /** The deleted logs' evidence is gone, the kept logs' evidence is all there. */
        void awaitCascades() {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(evidenceOf(deleted())).as("evidence of deleted logs").isZero();
                assertThat(evidenceOf(kept())).as("evidence of kept logs").isEqualTo(kept().size());
            });
        }

        private long evidenceOf(List<String> ofLogs) {
            return practice.count(Service.EVIDENCE, "select count(*) from evidence where user_id = ?::uuid and practice_log_id = any(?::uuid[])",
                    learner.user().toString(), ofLogs.toArray(String[]::new));
        }
    }
}
