package dev.practicetracker.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;

/**
 * Reads and writes the test broker's topics as an outside party would: a real consumer that reads
 * a topic from the beginning, and a real producer.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaProbe(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** A consumer in a group of its own, from the beginning of the topic. */
    public static KafkaProbe reading(String topic) {
        Properties properties = KafkaResource.broker().clientProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return new KafkaProbe(consumer);
    }

    /** Waits until {@code count} records match, and returns the matching ones in topic order. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> match, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return matching(match).size() >= count;
        });
        return matching(match);
    }

    /** Every record so far that matches; poll first with {@link #awaitRecords}. */
    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> match) {
        return seen.stream().filter(match).toList();
    }

    public static Predicate<ConsumerRecord<String, String>> withHeader(String name, String value) {
        return record -> value.equals(header(record.headers(), name));
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes an event exactly as a producing service's relay would. */
    public static void publish(String topic, EventEnvelope envelope, Object data) {
        send(new ProducerRecord<>(topic, null, envelope.key(), EventJson.write(data), envelope.toHeaders()));
    }

    /** Publishes any record, e.g. a malformed one. */
    public static void send(ProducerRecord<String, String> record) {
        Properties properties = KafkaResource.broker().clientProperties();
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
