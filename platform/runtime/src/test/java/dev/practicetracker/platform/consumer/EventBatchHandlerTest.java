package dev.practicetracker.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.deadletter.DeadLetterQueue;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** A polled batch: what cannot be read or applied goes to the dead-letter topic, everything else is applied once. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class EventBatchHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = Topics.SKILL_EVENTS;

    @Inject
    EventBatchHandler handler;

    private final String batch = UUID.randomUUID().toString();

    @BeforeEach
    void table() {
        TestDatabase.execute("create table if not exists event_batch_handler_test (batch text not null, value text not null)");
    }

    @Test
    void aRecordThatCannotBeDecodedIsDeadLetteredAndTheRestApplied() {
        List<ConsumerRecord<String, String>> records = List.of(record(0, "one"), record(1, "unreadable"), record(2, "two"));

        handler.handleInTransaction(records, EventBatchHandlerTest::decode, this::apply).await().atMost(WAIT);

        assertThat(applied()).containsExactly("one", "two");
        assertDeadLettered(1, "unreadable");
    }

    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAloneAfterTheBatchIsSplit() {
        List<ConsumerRecord<String, String>> records = List.of(record(10, "one"), record(11, "poison"), record(12, "two"));

        handler.handleInTransaction(records, EventBatchHandlerTest::decode, this::apply).await().atMost(WAIT);

        assertThat(applied()).as("the good records, once each, after the batch with the poison rolled back")
                .containsExactly("one", "two");
        assertDeadLettered(11, "poison");
    }

    private static String decode(ConsumerRecord<String, String> record) {
        if (record.value().equals("unreadable")) {
            throw new IllegalArgumentException("not an event");
        }
        return record.value();
    }

    /** Writes each value; a poison value fails the statement, and with it the transaction. */
    private Uni<Void> apply(SqlConnection connection, List<String> values) {
        return connection.preparedQuery("insert into event_batch_handler_test (batch, value)"
                + " select $1, v from unnest($2::text[]) v where case when v = 'poison' then v::int = 0 else true end")
                .execute(Tuple.of(batch, values.toArray(String[]::new))).replaceWithVoid();
    }

    private ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, batch, value);
    }

    /** What the batch wrote, in value order, each value as many times as it was written. */
    private List<String> applied() {
        return Stream.of("one", "poison", "two", "unreadable")
                .flatMap(value -> Stream.generate(() -> value).limit(
                        TestDatabase.count("select count(*) from event_batch_handler_test where batch = ? and value = ?", batch, value)))
                .toList();
    }

    private void assertDeadLettered(long offset, String value) {
        try (KafkaProbe probe = KafkaProbe.reading(Topics.deadLetter(TOPIC))) {
            var parked = probe.awaitRecords(record -> batch.equals(record.key()), 1);
            assertThat(parked).singleElement().satisfies(record -> {
                assertThat(record.value()).isEqualTo(value);
                assertThat(KafkaProbe.header(record.headers(), DeadLetterQueue.HEADER_TOPIC)).isEqualTo(TOPIC);
                assertThat(KafkaProbe.header(record.headers(), DeadLetterQueue.HEADER_OFFSET)).isEqualTo(Long.toString(offset));
            });
        }
    }
}
