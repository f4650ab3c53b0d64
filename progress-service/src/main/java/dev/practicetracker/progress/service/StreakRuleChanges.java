package dev.practicetracker.progress.service;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.repository.ProgressReadRepository;
import dev.practicetracker.progress.repository.StreakWatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A change to a user's streak rules (their settings, their skip days): made in a transaction that
 * also makes each of their watched streaks due at once, to be looked at again by the new rules
 * ({@link StreakWatch#reconsider}); once committed, this replica reads their skills afresh, so the
 * caller's next read shows the change (the other replicas hear it from PostgreSQL).
 */
@ApplicationScoped
public class StreakRuleChanges {

    private final StreakWatch streaks;
    private final ProgressReadRepository progress;
    private final Pool pool;

    public StreakRuleChanges(StreakWatch streaks, ProgressReadRepository progress, Pool pool) {
        this.streaks = streaks;
        this.progress = progress;
        this.pool = pool;
    }

    public <T> Uni<T> apply(UUID userId, Instant now, Function<SqlConnection, Uni<T>> change) {
        return pool.withTransaction(transaction -> change.apply(transaction).call(() -> streaks.reconsider(transaction, userId, now)))
                .call(() -> progress.rulesChanged(userId));
    }
}
