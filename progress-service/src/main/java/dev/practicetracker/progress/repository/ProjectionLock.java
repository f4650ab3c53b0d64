package dev.practicetracker.progress.repository;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The projection's writers' lock, across every replica: a recompute reads days and writes figures,
 * and one running beside another transaction's uncommitted day changes of the same skill or user
 * would write figures that miss them. A log batch reads and writes only its own users' facts,
 * days and figures, and one user's events are all on one partition: log batches take this lock
 * shared and their partitions' locks exclusively ({@link #lockPartitions}), so batches of different
 * partitions write side by side and two of one partition (a rebalance's overlap) one after the other.
 * Every other writer (skill events, erasures, the recompute of what a backlog marked, a rebuild)
 * reads across users and takes it exclusively ({@link #lock}). Taken first by every transaction that
 * writes the projection, so none waits for a row another holds while holding it; released when the
 * transaction ends.
 */
@ApplicationScoped
public class ProjectionLock {

    private static final String KEY = Long.toString(0x70726f6772657373L);
    private static final String LOCK = "select pg_advisory_xact_lock(" + KEY + ")";
    private static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared(" + KEY + ")";
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(" + KEY + ")";
    /**
     * A log events partition's lock: the two-key form ({@code "plog"}, partition), a key space apart
     * from the writers' lock. Taken in ascending order (the array comes sorted), after that one.
     */
    private static final String LOCK_PARTITIONS = "select pg_advisory_xact_lock(" + 0x706c6f67 + ", p) from unnest($1::int[]) p";

    /** Waits until this transaction is the projection's only writer. */
    public Uni<Void> lock(SqlClient client) {
        return client.query(LOCK).execute().replaceWithVoid();
    }

    /**
     * Waits until no transaction but log batches of other partitions writes the projection: for a
     * log batch of these partitions that recomputes no marked skill or user.
     */
    public Uni<Void> lockPartitions(SqlClient client, int[] partitions) {
        Integer[] ascending = Arrays.stream(partitions).sorted().boxed().toArray(Integer[]::new);
        // sent together: the second waits in the connection's pipeline until the first returns
        return Uni.join().all(client.query(LOCK_SHARED).execute(), client.preparedQuery(LOCK_PARTITIONS).execute(Tuple.of(ascending)))
                .andFailFast().replaceWithVoid();
    }

    /** Takes the writers' lock exclusively if no other transaction holds it. */
    public Uni<Boolean> tryLock(SqlClient client) {
        return client.query(TRY_LOCK).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }
}
