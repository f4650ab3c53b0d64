package dev.practicetracker.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.practicetracker.platform.deadletter.DeadLetterQueue;
import dev.practicetracker.platform.observability.EventMetrics;
import dev.practicetracker.platform.observability.EventTracing;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.platform.problem.Unavailability;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * How every consumer treats a polled batch: records that cannot be decoded go to the dead-letter
 * topic at once; the rest are applied together in one transaction. While a dependency is down
 * the batch is retried with backoff for as long as it takes (nothing is acknowledged meanwhile).
 * A batch that keeps failing for another reason is applied record by record, and only the record
 * that still fails is dead-lettered, so one poison record never blocks a partition.
 */
@ApplicationScoped
public class EventBatchHandler {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int ATTEMPTS_BEFORE_SPLITTING = 3;

    private final DeadLetterQueue deadLetters;
    private final Outbox outbox;
    private final EventTracing tracing;
    private final EventMetrics metrics;

    public EventBatchHandler(DeadLetterQueue deadLetters, Outbox outbox, EventTracing tracing, EventMetrics metrics) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * Applies a batch's decoded events in one transaction of the service's database; events the batch
     * appends to the outbox are published once it commits.
     */
    public <T> Uni<Void> handleInTransaction(Iterable<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, T> decode, BiFunction<SqlConnection, List<T>, Uni<Void>> apply) {
        return handle(records, decode, batch -> outbox.inTransaction(connection -> apply.apply(connection, batch)));
    }

    /** A decoded record together with the record it came from, for dead-lettering. */
    public record Decoded<T>(ConsumerRecord<String, String> record, T value) {
    }

    public <T> Uni<Void> handle(Iterable<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, T> decode, Function<List<T>, Uni<Void>> apply) {
        List<Decoded<T>> decoded = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Span span = tracing.startProcess(record);
            if (span != null) {
                spans.add(span);
            }
            try {
                decoded.add(new Decoded<>(record, decode.apply(record)));
            } catch (RuntimeException malformed) {
                deadLettered.add(deadLetters.send(record, malformed));
            }
        }
        Uni<Void> parked = deadLettered.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLettered).andFailFast().replaceWithVoid();
        return parked.chain(() -> decoded.isEmpty() ? Uni.createFrom().voidItem() : applyBatch(decoded, apply))
                .onTermination().invoke((ok, failure, cancelled) -> spans.forEach(span -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.toString());
                    }
                    span.end();
                }));
    }

    private <T> Uni<Void> applyBatch(List<Decoded<T>> batch, Function<List<T>, Uni<Void>> apply) {
        List<T> values = batch.stream().map(Decoded::value).toList();
        return retried(Uni.createFrom().deferred(() -> apply.apply(values)))
                .invoke(() -> {
                    long committedAt = System.currentTimeMillis();
                    batch.forEach(one -> metrics.applied(one.record().topic(), committedAt, one.record().timestamp()));
                })
                .onFailure().recoverWithUni(failure -> batch.size() == 1
                        ? deadLetters.send(batch.get(0).record(), failure)
                        : Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(one -> applyBatch(List.of(one), apply))
                                .collect().last().replaceWithVoid());
    }

    private static Uni<Void> retried(Uni<Void> attempt) {
        return attempt
                .onFailure(Unavailability::isCauseOf).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely()
                .onFailure().retry().atMost(ATTEMPTS_BEFORE_SPLITTING - 1);
    }
}
