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

    static final String PUBLISHED = "practice_tracker.outbox.published";
    static final String APPLIED = "practice_tracker.events.applied";
    static final String DEAD_LETTERED = "practice_tracker.events.dead_lettered";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String topic) {
        counter(PUBLISHED, "events published to Kafka by the outbox relay", topic).increment();
    }

    public void applied(String topic, int count) {
        counter(APPLIED, "consumed events applied by this service", topic).increment(count);
    }

    public void deadLettered(String topic) {
        counter(DEAD_LETTERED, "consumed records parked on the topic's .dlq", topic).increment();
    }

    private Counter counter(String name, String description, String topic) {
        return counters.computeIfAbsent(name + '\n' + topic,
                key -> Counter.builder(name).description(description).tag("topic", topic).register(registry));
    }
}
