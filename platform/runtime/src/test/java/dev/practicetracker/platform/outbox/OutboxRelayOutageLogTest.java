package dev.practicetracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An outage makes the relay fail every few seconds for as long as it lasts; operators get one warning
 * when it starts and one line when the relay works again, and the metric counts every failure.
 */
@QuarkusTest
@TestProfile(OutboxRelayOutageLogTest.ShortBackoff.class)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class OutboxRelayOutageLogTest {

    public static class ShortBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("practice-tracker.outbox.first-backoff", "100ms", "practice-tracker.outbox.max-backoff", "200ms");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void aLongFailureLogsOneWarningAndOneLineWhenTheRelayWorksAgain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from outbox") == 0);
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger relayLog = Logger.getLogger(OutboxRelay.class.getName());
        relayLog.addHandler(capture);
        try {
            // a record the broker refuses (no such topic can exist) makes every batch fail until it is gone
            double failuresBefore = relayFailures();
            TestDatabase.execute("insert into outbox (event_id, topic, type, subject, user_id, occurred_at, payload)"
                    + " values (?, 'not a topic!', 'practice-log.created.v1', 'poison', ?, now(), '{}')", UUID.randomUUID(),
                    UUID.randomUUID());
            await().atMost(Duration.ofSeconds(30)).until(() -> relayFailures() >= failuresBefore + 4);
            TestDatabase.execute("delete from outbox where topic = 'not a topic!'");
            await().atMost(Duration.ofSeconds(30)).until(() -> messages(logged, Level.INFO).stream()
                    .anyMatch(message -> message.startsWith("outbox relay works again")));

            assertThat(messages(logged, Level.WARNING)).singleElement().asString().startsWith("outbox relay failed");
            assertThat(messages(logged, Level.INFO)).singleElement().asString()
                    .matches("outbox relay works again, after ([4-9]|\\d{2,}) failed attempts");
        } finally {
            relayLog.removeHandler(capture);
        }
    }

    /** The messages logged at exactly this level (JBoss's WARN is java.util.logging's WARNING, its INFO is INFO). */
    private static List<String> messages(List<LogRecord> logged, Level level) {
        return logged.stream().filter(record -> record.getLevel().intValue() == level.intValue())
                .map(record -> record.getParameters() == null ? record.getMessage()
                        : String.format(record.getMessage(), record.getParameters()))
                .toList();
    }

    private double relayFailures() {
        var failures = registry.find("practice_tracker.outbox.relay.failures").counter();
        return failures == null ? 0 : failures.count();
    }
}
