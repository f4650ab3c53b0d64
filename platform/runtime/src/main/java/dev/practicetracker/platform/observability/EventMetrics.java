package dev.practicetracker.platform.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of the event pipeline, per topic: events the outbox relay published (acknowledged by the
 * broker), events a consumer applied (its transaction committed) and records it dead-lettered; and
 * the two halves of a write's way into a read model, as histograms: from the write to the broker's
 * acknowledgement ({@code practice_tracker_outbox_publish_delay_seconds}, in the publishing service)
 * and from the record's publication (its Kafka timestamp) to the commit that applied it
 * ({@code practice_tracker_events_apply_delay_seconds}, in each consuming service). Both use the
 * clocks of two processes, so across hosts they include the clocks' skew; in a replay the second one
 * is the age of the replayed records.
 * Beside them, the relay batches that failed and were retried ({@code practice_tracker_outbox_relay_failures_total}).
 * Consumer lag comes from the Kafka clients' own metrics ({@code kafka_consumer_fetch_manager_records_lag*});
 * the outbox backlog from {@link dev.practicetracker.platform.outbox.OutboxBacklog}.
 */
@ApplicationScoped
public class EventMetrics {

    /** The delay histograms' range: below a millisecond is noise, beyond ten minutes a backlog. */
    private static final Duration SHORTEST_DELAY = Duration.ofMillis(1);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(10);

    private final PerTopic<Counter> published;
    private final PerTopic<Counter> applied;
    private final PerTopic<Counter> deadLettered;
    private final PerTopic<Timer> publishDelay;
    private final PerTopic<Timer> applyDelay;
    private final Counter relayFailures;

    public EventMetrics(MeterRegistry registry) {
        published = counters(registry, "practice_tracker.outbox.published", "events published to Kafka by the outbox relay");
        applied = counters(registry, "practice_tracker.events.applied", "consumed events applied by this service");
        deadLettered = counters(registry, "practice_tracker.events.dead_lettered", "consumed records parked on the topic's .dlq");
        publishDelay = delays(registry, "practice_tracker.outbox.publish.delay",
                "from an event's write to the broker's acknowledgement of its record");
        applyDelay = delays(registry, "practice_tracker.events.apply.delay",
                "from a record's publication (its timestamp) to the commit of the transaction that applied it");
        relayFailures = Counter.builder("practice_tracker.outbox.relay.failures")
                .description("outbox relay batches that failed (the database or the broker unavailable) and were retried").register(registry);
    }

    /** An outbox relay batch failed; it is retried after a backoff. */
    public void relayFailed() {
        relayFailures.increment();
    }

    /** The broker acknowledged an event written {@code sinceWrite} ago. */
    public void published(String topic, Duration sinceWrite) {
        published.of(topic).increment();
        publishDelay.of(topic).record(sinceWrite);
    }

    /**
     * A transaction that applied a record of this topic committed at {@code committedAt}; {@code timestamp}
     * is the record's own (both epoch milliseconds; a negative timestamp is none).
     */
    public void applied(String topic, long committedAt, long timestamp) {
        applied.of(topic).increment();
        if (timestamp >= 0) {
            applyDelay.of(topic).record(Math.max(0, committedAt - timestamp), TimeUnit.MILLISECONDS);
        }
    }

    public void deadLettered(String topic) {
        deadLettered.of(topic).increment();
    }

    private static PerTopic<Counter> counters(MeterRegistry registry, String name, String description) {
        return new PerTopic<>(topic -> Counter.builder(name).description(description).tag("topic", topic).register(registry));
    }

    private static PerTopic<Timer> delays(MeterRegistry registry, String name, String description) {
        return new PerTopic<>(topic -> Timer.builder(name).description(description).tag("topic", topic)
                .publishPercentileHistogram().minimumExpectedValue(SHORTEST_DELAY).maximumExpectedValue(LONGEST_DELAY)
                .register(registry));
    }

    /** One meter per topic, registered on first use; the relay and the consumers ask for it per event. */
    private static final class PerTopic<M> {

        private final Function<String, M> register;
        private final Map<String, M> meters = new ConcurrentHashMap<>();

        PerTopic(Function<String, M> register) {
            this.register = register;
        }

        M of(String topic) {
            M meter = meters.get(topic);
            return meter != null ? meter : meters.computeIfAbsent(topic, register);
        }
    }
}
