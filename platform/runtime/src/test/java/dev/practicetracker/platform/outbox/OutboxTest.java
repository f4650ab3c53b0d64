package dev.practicetracker.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Events leave with the transaction that wrote them, or not at all. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A change and its event in one statement: the event goes in only if the change wrote a row. */
    private static final String WRITE_WITH_EVENT = Outbox.statementWithEvents(
            "written as (insert into outbox_test_changes (mark) select $1 where $2 returning mark)", 2,
            "where exists (select 1 from written)");

    @Inject
    Outbox outbox;

    @BeforeEach
    void table() {
        TestDatabase.execute("create table if not exists outbox_test_changes (mark text not null)");
    }

    @Test
    void anEventAppendedInACommittedTransactionIsPublishedWithItsEnvelope() {
        UUID user = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();

        outbox.inTransaction(connection -> outbox.append(connection, event(subject, user))).await().atMost(WAIT);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            var published = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", subject), 1);
            assertThat(published).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(user.toString());
                assertThat(KafkaProbe.header(record.headers(), "ce_type")).isEqualTo(EventTypes.PRACTICE_LOG_CREATED);
                assertThat(record.value()).contains("\"id\":\"" + subject + "\"");
            });
        }
    }

    @Test
    void anEventAppendedInATransactionThatRollsBackIsNeverWritten() {
        String subject = UUID.randomUUID().toString();

        Uni<Void> failing = outbox.inTransaction(connection -> outbox.append(connection, event(subject, UUID.randomUUID()))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed after its event"))));

        assertThatThrownBy(() -> failing.await().atMost(WAIT)).hasMessageContaining("the change failed");
        assertThat(TestDatabase.count("select count(*) from outbox where subject = ?", subject)).isZero();
    }

    @Test
    void aStatementWithEventsWritesTheEventsOnlyWithTheChange() {
        String written = UUID.randomUUID().toString(), skipped = UUID.randomUUID().toString();

        long withChange = outbox.inStatement(client -> outbox.executeWithEvents(client, WRITE_WITH_EVENT, List.of(written, true),
                List.of(event(written, UUID.randomUUID())))).await().atMost(WAIT).rowCount();
        long withoutChange = outbox.inStatement(client -> outbox.executeWithEvents(client, WRITE_WITH_EVENT, List.of(skipped, false),
                List.of(event(skipped, UUID.randomUUID())))).await().atMost(WAIT).rowCount();

        assertThat(withChange).isEqualTo(1);
        assertThat(withoutChange).isZero();
        assertThat(TestDatabase.count("select count(*) from outbox_test_changes where mark = ?", written)).isEqualTo(1);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            assertThat(probe.awaitRecords(KafkaProbe.withHeader("ce_subject", written), 1)).hasSize(1);
        }
        assertThat(TestDatabase.count("select count(*) from outbox_test_changes where mark = ?", skipped)).isZero();
        assertThat(TestDatabase.count("select count(*) from outbox where subject = ?", skipped)).isZero();
    }

    @Test
    void manyEventsGoInOneStatementInTheirOrder() {
        UUID user = UUID.randomUUID();
        List<OutboxMessage> events = List.of(event("first-" + user, user), event("second-" + user, user), event("third-" + user, user));

        outbox.inTransaction(connection -> outbox.append(connection, events)).await().atMost(WAIT);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            var published = probe.awaitRecords(record -> user.toString().equals(record.key()), 3);
            assertThat(published).extracting(record -> KafkaProbe.header(record.headers(), "ce_subject"))
                    .containsExactly("first-" + user, "second-" + user, "third-" + user);
        }
    }

    private static OutboxMessage event(String subject, UUID user) {
        return OutboxMessage.of(Topics.PRACTICE_LOG_EVENTS, EventTypes.PRACTICE_LOG_CREATED, subject, user, Instant.now(),
                Map.of("id", subject));
    }
}
