package dev.practicetracker.progress.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * progress-service publishes nothing (a read model: its outbox relay is off), so the outbox channel
 * every service shares gets no Kafka producer here; the dead-letter channel, which it does use, has one.
 * A producer shows as its network thread, named after the channel's client id.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class KafkaClientsTest {

    @Test
    void theOutboxChannelHasNoProducerWhileTheDeadLetterChannelHasOne() {
        List<String> producerThreads = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("kafka-producer-network-thread"))
                .toList();

        assertThat(producerThreads).anyMatch(name -> name.endsWith("kafka-producer-dead-letters"));
        assertThat(producerThreads).noneMatch(name -> name.endsWith("kafka-producer-outbox"));
    }
}
