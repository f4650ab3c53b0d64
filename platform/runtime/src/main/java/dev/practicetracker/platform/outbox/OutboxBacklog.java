package dev.practicetracker.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The outbox backlog as gauges, measured on the relay's poll interval: rows not yet published, and
 * the age of the oldest. A backlog that grows means Kafka is unreachable or the relay is behind;
 * the writes themselves keep succeeding meanwhile.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final String MEASURE = "select count(*) as waiting, min(occurred_at) as oldest from outbox";

    private final Pool pool;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final List<Gauge> gauges = new ArrayList<>();
    private long timer = -1;

    public OutboxBacklog(Pool pool, OutboxConfig config, Vertx vertx, MeterRegistry registry, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        gauges.add(Gauge.builder("practice_tracker.outbox.backlog", waiting, AtomicLong::get)
                .description("outbox rows waiting to be published").register(registry));
        gauges.add(Gauge.builder("practice_tracker.outbox.oldest.age.seconds", oldestAgeMillis, age -> age.get() / 1000.0)
                .description("age of the oldest outbox row waiting to be published").register(registry));
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> measure());
    }

    /**
     * Also takes the gauges out of the registry: they read this instance's counts, and a registry that
     * outlives the application (several applications started one after another in one JVM, as the
     * tests do) would otherwise keep answering a re-registration with these stale gauges.
     */
    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    private void measure() {
        pool.query(MEASURE).execute().subscribe().with(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            waiting.set(row.getLong("waiting"));
            oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis()));
        }, failure -> Log.debugf("outbox backlog not measured: %s", failure.toString()));
    }
}
