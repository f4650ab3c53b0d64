package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        EvidenceOwner evidence = EvidenceOwner.withLogs(practice.newLearner(), 2 * crashes + 4);
        double slowestRecovery = 0;
        int killedProcesses = 0;
        Writers writers = Writers.start(practice, WRITERS, false, Duration.ZERO);
        try (writers) {
            CompletableFuture<Void> deleting = CompletableFuture.runAsync(evidence::deleteHalfOfTheLogs);
            for (int crash = 0; crash < crashes; crash++) {
                writers.awaitAcknowledged(WRITES_BETWEEN_CRASHES);
                Instant crashed = Instant.now();
                killedProcesses = Math.max(killedProcesses, practice.stack.crashPostgres());
                practice.stack.startPostgres();
                writers.awaitAcknowledged(1);
                slowestRecovery = Math.max(slowestRecovery, Duration.between(crashed, Instant.now()).toMillis() / 1000.0);
            }
            writers.awaitAcknowledged(WRITES_BETWEEN_CRASHES);
            deleting.get(2, TimeUnit.MINUTES);
        }

        long lost = writers.lost();
        assertThat(writers.failures()).as("failed answers: each a 503 problem while the database recovers")
                .allMatch(failure -> failure.contains(" -> 503 application/problem+json"));
        assertThat(lost).as("acknowledged writes missing after %d crashes", crashes).isZero();
        // progress equals a recomputation from the log database: a phantom (an event published for a
        // write the database then lost) would keep it above
        long phantom = 0;
        for (LogWriter writer : writers.all()) {
            phantom += practice.awaitProgressOfLogDatabase(practice.stack.url(Service.PROGRESS), writer.learner, CATCH_UP);
        }
        assertThat(phantom).as("sessions progress counts that the log database does not hold").isZero();
        evidence.awaitCascades();

        assertThat(practice.stack.servicePids()).as("no service was restarted").isEqualTo(pids);
        for (Service service : Service.values()) {
            // a JDBC connection pooled before the crash fails the readiness check that meets it, once
            await().atMost(Duration.ofSeconds(30)).until(() -> practice.readiness(service) == 200);
        }
        Scoreboard.record(new Row("PostgreSQL crashed (every process SIGKILLed) under " + WRITERS + " writers, " + crashes + " times",
                writers.acknowledged(), lost, phantom, writers.failed(), slowestRecovery,
                writers.acknowledged() + " acknowledged, " + lost + " lost, " + phantom + " phantom; " + killedProcesses
                        + " processes killed per crash; evidence cascades held; no service restarted"));
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
                    LogWriter.pause();
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
