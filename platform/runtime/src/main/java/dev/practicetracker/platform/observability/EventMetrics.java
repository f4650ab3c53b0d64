package dev.practicetracker.platform.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of the event pipeline, per topic: events the outbox relay published (acknowledged by
 * the broker), events a consumer applied (its transaction committed) and records it dead-lettered.
 * Consumer lag comes from the Kafka clients' own metrics ({@code kafka_consumer_fetch_manager_records_lag*});
 * the outbox backlog from {@link dev.practicetracker.platform.outbox.OutboxBacklog}.
 */
@ApplicationScoped
public class EventMetrics {

    private final PerTopic published;
    private final PerTopic applied;
    private final PerTopic deadLettered;

    public EventMetrics(MeterRegistry registry) {
        published = new PerTopic(registry, "practice_tracker.outbox.published", "events published to Kafka by the outbox relay");
        applied = new PerTopic(registry, "practice_tracker.events.applied", "consumed events applied by this service");
        deadLettered = new PerTopic(registry, "practice_tracker.events.dead_lettered", "consumed records parked on the topic's .dlq");
    }

    public void published(String topic) {
        published.of(topic).increment();
    }

    public void applied(String topic, long count) {
        applied.of(topic).increment(count);
    }

    public void deadLettered(String topic) {
        deadLettered.of(topic).increment();
    }

    /** One counter per topic, registered on first use; the relay and the consumers ask for it per event. */
    private static final class PerTopic {

        private final MeterRegistry registry;
        private final String name;
        private final String description;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        PerTopic(MeterRegistry registry, String name, String description) {
            this.registry = registry;
            this.name = name;
            this.description = description;
        }

        Counter of(String topic) {
            Counter counter = counters.get(topic);
            return counter != null ? counter : counters.computeIfAbsent(topic,
                    key -> Counter.builder(name).description(description).tag("topic", key).register(registry));
        }
    }
}
