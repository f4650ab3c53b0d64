package dev.practicetracker.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.platform.database.Transactions;
import dev.practicetracker.platform.observability.EventMetrics;
import dev.practicetracker.platform.observability.FailureStreak;
import dev.practicetracker.platform.observability.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once the broker has
 * acknowledged them. Runs right after each commit of a transaction that appended events (see
 * {@link Outbox}) and on a slow poll as a safety net (e.g. for another replica's rows). A failed batch is retried
 * with exponential backoff; a commit during that backoff shows the database is back and brings the retry
 * forward, so the first write after an outage is not held for the rest of it. One relay at a time per
 * database (an advisory lock), so several replicas keep each user's events in order. A crash between publishing and deleting
 * publishes the batch again: consumers ignore the duplicates by event id and version.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key shared by every replica relaying one service's outbox. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final Duration LOCKED_ELSEWHERE_RETRY = Duration.ofMillis(200);
    /** How soon a commit brings a retry forward; also the most often commits can make a failing relay retry. */
    private static final Duration RETRY_AFTER_COMMIT = Duration.ofMillis(100);
    private static final long NO_TIMER = -1;

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")";
    private static final String SELECT_BATCH = "select seq, event_id, topic, type, subject, user_id, occurred_at, payload, traceparent"
            + " from outbox order by seq limit $1";
    private static final String DELETE_PUBLISHED = "delete from outbox where seq = any($1)";

    private enum Outcome { DRAINED, MORE, LOCKED_ELSEWHERE }

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final EventTracing tracing;
    private final EventMetrics metrics;

    /** Wake-ups not yet served; whoever raises it from 0 runs the drain loop. */
    private final AtomicInteger pendingWakes = new AtomicInteger();
    private volatile Duration backoff = Duration.ZERO;
    /** The timer of a retry after a failure, while one is pending; a commit may bring it forward. */
    private final AtomicLong backoffTimer = new AtomicLong(NO_TIMER);
    private volatile boolean stopped;
    private long pollTimer = -1;
    /** One warning per outage (the metric counts every failure). */
    private final FailureStreak failures = new FailureStreak(OutboxRelay.class);

    public OutboxRelay(Pool pool, @Channel("outbox") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            OutboxConfig config, Vertx vertx, EventTracing tracing, EventMetrics metrics) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> request());
            request();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
    }

    /**
     * A transaction that wrote to the outbox has committed: drains it now, or, if the relay is waiting
     * out a failure, retries soon. Cheap and safe to call from any thread, any number of times.
     */
    public void wake() {
        if (!request()) {
            retrySoon();
        }
    }

    /** @return whether this call started the drain loop (otherwise the loop serves it) */
    private boolean request() {
        if (config.relayEnabled() && !stopped && pendingWakes.getAndIncrement() == 0) {
            drain();
            return true;
        }
        return false;
    }

    /** Brings a pending retry after a failure forward; the poll does not, so a relay that keeps failing still backs off. */
    private void retrySoon() {
        // every commit comes here while the loop runs: only a read unless a retry is pending
        if (backoffTimer.get() == NO_TIMER) {
            return;
        }
        long timer = backoffTimer.getAndSet(NO_TIMER);
        if (timer != NO_TIMER && vertx.cancelTimer(timer)) {
            later(RETRY_AFTER_COMMIT);
        }
    }

    private void drain() {
        int served = pendingWakes.get();
        relayBatch().subscribe().with(outcome -> {
            backoff = Duration.ZERO;
            failures.succeeded("outbox relay works again");
            switch (outcome) {
                case MORE -> drain();
                case LOCKED_ELSEWHERE -> later(LOCKED_ELSEWHERE_RETRY);
                case DRAINED -> {
                    if (pendingWakes.addAndGet(-served) > 0) {
                        drain();
                    }
                }
            }
        }, failure -> {
            backoff = backoff.isZero() ? config.firstBackoff() : min(backoff.multipliedBy(2), config.maxBackoff());
            metrics.relayFailed();
            failures.failed("outbox relay failed, retrying in " + backoff.toMillis() + " ms, then backing off up to "
                    + config.maxBackoff().toMillis() + " ms; until it works again further failures are logged at DEBUG only",
                    "outbox relay failed again, retrying in " + backoff.toMillis() + " ms", failure);
            backOff(backoff);
        });
    }

    private void backOff(Duration delay) {
        if (!stopped) {
            backoffTimer.set(vertx.setTimer(delay.toMillis(), id -> {
                backoffTimer.compareAndSet(id, NO_TIMER);
                drain();
            }));
        }
    }

    private void later(Duration delay) {
        if (!stopped) {
            vertx.setTimer(delay.toMillis(), id -> drain());
        }
    }

    private Uni<Outcome> relayBatch() {
        // the lock and the batch's query go out together, right behind BEGIN: PostgreSQL reads the batch
        // once the lock is taken; a batch read without it (another replica relays) is dropped unused
        return Transactions.pipelined(pool, connection -> Uni.combine().all()
                .unis(connection.query(TRY_LOCK).execute(), connection.preparedQuery(SELECT_BATCH).execute(Tuple.of(config.batchSize())))
                .asTuple()
                .chain(lockAndBatch -> lockAndBatch.getItem1().iterator().next().getBoolean(0)
                        ? publish(connection, lockAndBatch.getItem2())
                        : Uni.createFrom().item(Outcome.LOCKED_ELSEWHERE)));
    }

    private Uni<Outcome> publish(SqlConnection connection, RowSet<Row> batch) {
        if (batch.size() == 0) {
            return Uni.createFrom().item(Outcome.DRAINED);
        }
        List<Uni<Void>> acknowledgements = new ArrayList<>(batch.size());
        Long[] published = new Long[batch.size()];
        int index = 0;
        for (Row row : batch) {
            published[index++] = row.getLong("seq");
            // subscribed in this order by join(), so the producer sends them in commit order
            acknowledgements.add(send(row));
        }
        return Uni.join().all(acknowledgements).andFailFast()
                .ifNoItem().after(config.ackTimeout()).fail()
                .chain(() -> connection.preparedQuery(DELETE_PUBLISHED).execute(Tuple.of(published)))
                .map(deleted -> published.length == config.batchSize() ? Outcome.MORE : Outcome.DRAINED);
    }

    /** Sends one row in its write's trace; completes when the broker has acknowledged it. */
    private Uni<Void> send(Row row) {
        String topic = row.getString("topic");
        EventEnvelope envelope = new EventEnvelope(row.getUUID("event_id"), config.source(), row.getString("type"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at").toInstant(), row.getUUID("user_id"));
        Headers headers = envelope.toHeaders();
        Span span = tracing.startPublish(row.getString("traceparent"), topic, envelope.type(), headers);
        Message<String> message = Message.of(row.getString("payload")).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(envelope.key())
                .withHeaders(headers)
                .build());
        Uni<Void> acknowledged = emitter.sendMessage(message)
                .invoke(() -> metrics.published(topic, Duration.between(envelope.time(), Instant.now())));
        return span == null ? acknowledged : acknowledged.onTermination().invoke((ok, failure, cancelled) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.toString());
            }
            span.end();
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
