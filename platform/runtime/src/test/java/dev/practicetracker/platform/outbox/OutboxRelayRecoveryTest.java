package dev.practicetracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A relay that failed waits out a backoff before it tries again, however often its poll comes round; a
 * write committed meanwhile must not wait with it. Here the backoff is a minute, so a write published
 * within seconds was brought forward.
 */
@QuarkusTest
@TestProfile(OutboxRelayRecoveryTest.MinuteBackoff.class)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class OutboxRelayRecoveryTest {

    public static class MinuteBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("practice-tracker.outbox.first-backoff", "60s", "practice-tracker.outbox.max-backoff", "60s");
        }
    }

    /** Far below the minute of backoff, far above a publication's few milliseconds. */
    private static final Duration WELL_WITHIN_THE_BACKOFF = Duration.ofSeconds(15);

    @Inject
    MeterRegistry registry;

    @Inject
    Outbox outbox;

    @Test
    void aWriteCommittedWhileTheRelayBacksOffIsPublishedWithoutWaitingItOut() {
        UUID user = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from outbox") == 0);

        // a record the broker refuses (no such topic can exist) makes the relay's next batch fail
        double failuresBefore = relayFailures();
        TestDatabase.execute("insert into outbox (event_id, topic, type, subject, user_id, occurred_at, payload)"
                + " values (?, 'not a topic!', 'practice-log.created.v1', 'poison', ?, now(), '{}')", UUID.randomUUID(), user);
        await().atMost(Duration.ofSeconds(30)).until(() -> relayFailures() > failuresBefore);
        // the safety-net poll (every second) does not bring the retry forward: a failing relay backs off
        double failuresAfterOne = relayFailures();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> relayFailures() == failuresAfterOne);
        TestDatabase.execute("delete from outbox where topic = 'not a topic!'");

        String subject = UUID.randomUUID().toString();
        outbox.inTransaction(connection -> outbox.append(connection, OutboxMessage.of(Topics.PRACTICE_LOG_EVENTS,
                EventTypes.PRACTICE_LOG_CREATED, subject, user, Instant.now(), Map.of("id", subject))))
                .await().atMost(WELL_WITHIN_THE_BACKOFF);

        await().atMost(WELL_WITHIN_THE_BACKOFF).until(() -> TestDatabase.count("select count(*) from outbox") == 0);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            assertThat(probe.awaitRecords(record -> subject.equals(KafkaProbe.header(record.headers(), "ce_subject")), 1)).hasSize(1);
        }
    }

    private double relayFailures() {
        var failures = registry.find("practice_tracker.outbox.relay.failures").counter();
        return failures == null ? 0 : failures.count();
    }
}
