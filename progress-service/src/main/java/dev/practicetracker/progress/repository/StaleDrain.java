package dev.practicetracker.progress.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.outbox.Outbox;
import dev.practicetracker.progress.config.ProgressConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The end of a backlog: a backlog only writes facts and marks skills and users stale, and the drain
 * re-aggregates the marked skills' days and recomputes their figures, in shards side by side; the
 * marked users follow ({@link FigureRepository#recompute} with {@code marked}).
 */
@ApplicationScoped
public class StaleDrain {

    /** How long a drain shard waits for any lock (see {@link #drainMarkedSkills}). */
    private static final String SHARD_LOCK_TIMEOUT = "set local lock_timeout = '10s'";

    /** Whether something is marked stale and nothing has been marked for the last $1 milliseconds. */
    private static final String STALE_AND_QUIET = """
            select (exists (select 1 from stale_skills) or exists (select 1 from stale_users))
               and coalesce((select max(at) from stale_marked) < now() - $1::int * interval '1 millisecond', true)""";

    private final Pool pool;
    private final Outbox outbox;
    private final SkillDayRepository days;
    private final FigureRepository figures;
    private final ProjectionLock lock;
    private final RecomputedSkills recomputed;
    private final int shards;

    public StaleDrain(Pool pool, Outbox outbox, SkillDayRepository days, FigureRepository figures, ProjectionLock lock,
            RecomputedSkills recomputed, ProgressConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.recomputed = recomputed;
        this.days = days;
        this.figures = figures;
        this.lock = lock;
        this.shards = config.drainConnections();
    }

    /**
     * Recomputes every skill and user marked stale, unless another transaction is writing the
     * projection right now: a backlog batch that takes longer than the quiet period looks like the end
     * of the backlog from outside, and a drain amid a backlog re-reads every fact of every marked skill
     * only for them to be marked again. @return whether it recomputed
     */
    public Uni<Boolean> drainUnlessBusy(SqlConnection connection) {
        return lock.tryLock(connection).chain(locked -> locked ? drainMarked(connection).replaceWith(true) : Uni.createFrom().item(false));
    }

    /**
     * Recomputes every skill and user marked stale: the skills' days and figures, in shards side by
     * side, then the users. The caller holds the writers' lock exclusively and has written nothing
     * in its transaction yet (see {@link #drainMarkedSkills}).
     */
    public Uni<Void> drainMarked(SqlConnection connection) {
        return drainMarkedSkills(connection).chain(() -> figures.recompute(connection, Map.of(), Map.of(), true));
    }

    /**
     * Re-aggregates the days of every skill marked stale and recomputes their figures, unmarking them:
     * the bulk of a drain (after a rebuild, a million days), split into {@code drain-connections} shards by skill id, each
     * on a connection and in a transaction of its own, at the same time, so that PostgreSQL works on
     * them side by side. The caller must hold the writers' lock exclusively ({@link ProjectionLock#lock}:
     * it keeps every other writer out while the shards run; they take no lock of their own) and must not
     * have written any skill's days yet in its transaction (a shard waiting for such a row would wait
     * for the caller, which waits for the shard). Shards of one user's skills write that user's rows
     * (the user's streak watch, goals met), so one shard may wait for another; each waits only for the
     * other's commit, which comes whatever the caller does (were a shard on the caller's transaction, a
     * shard waiting for its rows would wait for the caller, which waits for every shard). A shard that
     * fails leaves its skills marked, for the next drain; one that committed stays. Under that lock
     * nothing else writes their rows, so a shard that waits for a lock at all either waits for another
     * shard or behind something that waits for the caller (a truncate or a migration queued for its
     * tables, or whatever holds a row outside the writers): every shard gives up after
     * {@link #SHARD_LOCK_TIMEOUT}, and the drain fails instead of hanging. The caller's connection takes
     * that limit too, for the rest of its transaction, which holds the writers' lock throughout, so a
     * later wait there would be the same.
     */
    public Uni<Void> drainMarkedSkills(SqlConnection connection) {
        List<Uni<Void>> drains = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            DrainShard own = new DrainShard(shard, shards);
            drains.add(outbox.inTransaction(other -> drainShard(other, own)));
        }
        return connection.query(SHARD_LOCK_TIMEOUT).execute().chain(() -> Uni.join().all(drains).andCollectFailures()).replaceWithVoid();
    }

    /**
     * Whether some skill or user is marked stale and the marking has stopped for {@code quiet}: a
     * backlog is over (read without the lock).
     */
    public Uni<Boolean> staleAndQuietFor(Duration quiet) {
        return pool.preparedQuery(STALE_AND_QUIET).execute(Tuple.of((int) quiet.toMillis()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * The shard's statements, sent together: its lock timeout first, so that it holds for both; then,
     * in the shard's transaction, what follows the recompute of its skills.
     */
    private Uni<Void> drainShard(SqlClient client, DrainShard shard) {
        return Uni.combine().all().unis(client.query(SHARD_LOCK_TIMEOUT).execute(), days.recomputeDaysOfMarked(client, shard),
                figures.recomputeMarkedSkills(client, shard)).with((timeout, days, skills) -> skills)
                .chain(skills -> recomputed.recomputed(client, skills));
    }
}
