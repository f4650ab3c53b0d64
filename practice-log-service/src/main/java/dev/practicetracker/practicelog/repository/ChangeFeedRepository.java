package dev.practicetracker.practicelog.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.practicelog.PracticeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each user's change feed: every write of a log takes the next number of its user's feed
 * ({@link #takeNumbers}) in the statement that writes it, a deletion leaves a tombstone with its
 * number ({@link #tombstones}), and a page is every change numbered after a cursor, read in one
 * statement (one snapshot) with the feed's own state.
 */
@ApplicationScoped
public class ChangeFeedRepository {

    /** The log's columns, prefixed for the page's join. */
    private static final String LOG_COLUMNS = Arrays.stream(PracticeLogRepository.COLUMNS.split(", "))
            .map(column -> "log." + column).collect(Collectors.joining(", "));
    /**
     * The feed's state and up to $3 changes numbered after $2, in order: the live logs changed since
     * and the tombstones since, merged; a change is a live log's latest state or its tombstone. One
     * row with null change columns when there is no change; no row when the user has no feed.
     */
    private static final String PAGE = "select f.feed_id, f.last_seq, f.pruned_through, c.seq, c.deleted_at, c.log_id, "
            + LOG_COLUMNS + " from log_feeds f left join lateral (select seq, deleted_at, log_id from ("
            + "(select change_seq as seq, null::timestamptz as deleted_at, id as log_id from practice_logs"
            + " where user_id = f.user_id and change_seq > $2 order by change_seq limit $3)"
            + " union all (select seq, deleted_at, log_id from log_tombstones"
            + " where user_id = f.user_id and seq > $2 order by seq limit $3)) changes order by seq limit $3) c on true"
            + " left join practice_logs log on c.deleted_at is null and log.id = c.log_id"
            + " where f.user_id = $1 order by c.seq";
    /**
     * Up to $2 tombstones older than $1, and each feed's mark of the highest number pruned, in one
     * transaction; replicas pruning at once take different tombstones.
     */
    private static final String PRUNE = "with pruned as (delete from log_tombstones where (user_id, seq) in"
            + " (select user_id, seq from log_tombstones where deleted_at < $1 order by deleted_at limit $2 for update skip locked)"
            + " returning user_id, seq),"
            + " marked as (update log_feeds f set pruned_through = greatest(f.pruned_through, highest.seq)"
            + " from (select user_id, max(seq) as seq from pruned group by user_id) highest where f.user_id = highest.user_id)"
            + " select count(*) from pruned";

    /** A user's feed as one page read it. */
    public record Feed(UUID feedId, long lastSeq, long prunedThrough) {
    }

    /** One change: a live log's latest state, or the tombstone of a deleted one ({@code log} null). */
    public record Change(long seq, UUID logId, PracticeLog log, Instant deletedAt) {
    }

    /** The feed (null when the user has none yet) and the changes after the cursor. */
    public record Changes(Feed feed, List<Change> changes) {
    }

    private final Pool pool;

    public ChangeFeedRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * A common table expression {@code feed} that takes the next numbers of a user's feed, starting
     * the feed at its first change. {@code wanted} yields {@code (user_id uuid, count bigint)} once, or
     * no row to take none. The feed row stays locked until the transaction ends; {@code feed.last_seq}
     * is the highest number taken, so the numbers taken run from {@code last_seq - count + 1}.
     */
    static String takeNumbers(String wanted) {
        return "feed as (insert into log_feeds as f (user_id, feed_id, last_seq)"
                + " select user_id, gen_random_uuid(), taken from (" + wanted + ") wanted (user_id, taken)"
                + " on conflict (user_id) do update set last_seq = f.last_seq + excluded.last_seq returning last_seq)";
    }

    /**
     * A common table expression that leaves a tombstone for each {@code (log_id, deleted_at)} of
     * {@code deleted}, numbered with what {@link #takeNumbers} took for as many.
     */
    static String tombstones(String user, String deleted) {
        return "tombstones as (insert into log_tombstones (user_id, seq, log_id, deleted_at)"
                + " select " + user + "::uuid, feed.last_seq - count(*) over () + row_number() over (order by log_id),"
                + " log_id, deleted_at from (" + deleted + ") deleted (log_id, deleted_at), feed)";
    }

    /** The user's feed and up to {@code limit} of its changes numbered after {@code after}, in order. */
    public Uni<Changes> changesAfter(UUID userId, long after, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(userId, after, limit)).map(ChangeFeedRepository::changesOf);
    }

    /** @return how many tombstones older than {@code before} went, at most {@code batch} */
    public Uni<Integer> prune(Instant before, int batch) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(before.atOffset(ZoneOffset.UTC), batch))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private static Changes changesOf(RowSet<Row> rows) {
        Feed feed = null;
        List<Change> changes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            feed = new Feed(row.getUUID(0), row.getLong(1), row.getLong(2));
            if (row.getLong(3) == null) {
                continue;
            }
            OffsetDateTime deletedAt = row.getOffsetDateTime(4);
            changes.add(deletedAt == null
                    ? new Change(row.getLong(3), row.getUUID(5), PracticeLogRepository.toLog(row, 6), null)
                    : new Change(row.getLong(3), row.getUUID(5), null, deletedAt.toInstant()));
        }
        return new Changes(feed, changes);
    }
}
