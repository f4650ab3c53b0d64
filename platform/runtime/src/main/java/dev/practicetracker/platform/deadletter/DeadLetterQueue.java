package dev.practicetracker.platform.deadletter;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.observability.EventMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Parks a record a consumer cannot process on {@code <topic>.dlq}, unchanged, with the reason in
 * headers, so the partition keeps moving and an operator can inspect or replay it.
 */
@ApplicationScoped
public class DeadLetterQueue {

    public static final String HEADER_REASON = "dead-letter-reason";
    public static final String HEADER_CAUSE = "dead-letter-cause";
    public static final String HEADER_TOPIC = "dead-letter-topic";
    public static final String HEADER_PARTITION = "dead-letter-partition";
    public static final String HEADER_OFFSET = "dead-letter-offset";

    private final MutinyEmitter<String> emitter;
    private final EventMetrics metrics;

    public DeadLetterQueue(@Channel("dead-letters") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            EventMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.toString());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        add(headers, HEADER_REASON, String.valueOf(reason.getMessage()));
        add(headers, HEADER_CAUSE, reason.getClass().getName());
        add(headers, HEADER_TOPIC, record.topic());
        add(headers, HEADER_PARTITION, Integer.toString(record.partition()));
        add(headers, HEADER_OFFSET, Long.toString(record.offset()));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withHeaders(headers);
        if (record.key() != null) {
            metadata.withKey(record.key());
        }
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata.build()))
                .invoke(() -> metrics.deadLettered(record.topic()));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
