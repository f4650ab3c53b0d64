package dev.practicetracker.practicelog.feed;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.practicetracker.platform.time.PeriodicCheck;
import dev.practicetracker.practicelog.repository.ChangeFeedRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Every replica prunes the tombstones older than the retention every {@code prune-interval}, in
 * batches; replicas pruning at once take different tombstones, and each feed remembers the highest
 * number pruned so that a cursor from before it answers 410.
 */
@ApplicationScoped
public class TombstonePruning {

    static final int BATCH = 10_000;

    private final ChangeFeedRepository repository;
    private final ChangeFeedConfig config;
    private final Clock clock;
    private final PeriodicCheck<Integer> check;

    public TombstonePruning(ChangeFeedRepository repository, ChangeFeedConfig config, Clock clock, Vertx vertx) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
        this.check = new PeriodicCheck<>(vertx, config.pruneInterval(), this::prune, pruned -> {
            if (pruned > 0) {
                Log.infof("pruned %d tombstones of the change feed", pruned);
            }
        }, failure -> Log.warnf("pruning the change feed's tombstones failed, trying again in %d ms: %s",
                config.pruneInterval().toMillis(), failure.toString()));
    }

    void start(@Observes StartupEvent event) {
        check.start();
    }

    void stop(@Observes ShutdownEvent event) {
        check.stop();
    }

    /** @return how many tombstones older than the retention went */
    public Uni<Integer> prune() {
        return pruneBefore(clock.instant().minus(config.tombstoneRetention()), 0);
    }

    private Uni<Integer> pruneBefore(Instant before, int done) {
        return repository.prune(before, BATCH)
                .chain(pruned -> pruned < BATCH ? Uni.createFrom().item(done + pruned) : pruneBefore(before, done + pruned));
    }
}
