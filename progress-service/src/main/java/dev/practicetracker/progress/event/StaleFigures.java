package dev.practicetracker.progress.event;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.practicetracker.platform.time.PeriodicCheck;
import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.progress.config.ProgressConfig;
import dev.practicetracker.progress.repository.StaleDrain;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Recomputes the skills and users a backlog left marked stale when no smaller batch came after it
 * to do so (the backlog ended on a full batch, or this replica's partitions went quiet): checks
 * every {@code stale-check-interval}, and recomputes once nothing has been marked for that long and
 * no consumer is writing (while a backlog is still being worked through, by any replica, it waits).
 * One check at a time.
 */
@ApplicationScoped
public class StaleFigures {

    private final StaleDrain drain;
    private final Outbox outbox;
    private final Duration interval;
    private final PeriodicCheck<Boolean> check;

    public StaleFigures(StaleDrain drain, Outbox outbox, Vertx vertx, ProgressConfig config) {
        this.drain = drain;
        this.outbox = outbox;
        this.interval = config.staleCheckInterval();
        this.check = new PeriodicCheck<>(vertx, interval, this::recomputeIfQuiet, recomputed -> {
            if (recomputed) {
                Log.info("recomputed the progress figures a backlog left stale");
            }
        }, failure -> Log.warnf("recomputing stale progress figures failed, trying again in %d ms: %s", interval.toMillis(),
                failure.toString()));
    }

    void start(@Observes StartupEvent event) {
        check.start();
    }

    void stop(@Observes ShutdownEvent event) {
        check.stop();
    }

    /** @return whether it recomputed */
    private Uni<Boolean> recomputeIfQuiet() {
        return drain.staleAndQuietFor(interval)
                .chain(any -> any ? outbox.inTransaction(drain::drainUnlessBusy) : Uni.createFrom().item(false));
    }
}
