package dev.practicetracker.progress.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.progress.config.ProgressConfig;
import dev.practicetracker.progress.repository.AppliedFacts;
import dev.practicetracker.progress.repository.FigureRepository;
import dev.practicetracker.progress.repository.LogFact;
import dev.practicetracker.progress.repository.LogFactRepository;
import dev.practicetracker.progress.repository.ProjectionLock;
import dev.practicetracker.progress.repository.RecomputedSkills;
import dev.practicetracker.progress.repository.SkillDayRepository;
import dev.practicetracker.progress.repository.StaleDrain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Applies practice-log events to the read model. Each polled batch is applied in one transaction:
 * facts are upserted only when their version is newer, then every day, skill and user the batch
 * touched is recomputed. A batch of at least {@code defer-recompute-at} events means this consumer is
 * working through a backlog (a rebuild, an import, a restart): it writes only the facts and marks the
 * skills and users stale, so each one's days and figures are recomputed once when the backlog is over
 * (by the first smaller batch once no backlog batch has come for a {@code stale-check-interval})
 * instead of once per batch; {@link StaleFigures} covers a backlog after which no batch comes, or whose
 * partitions moved to another replica. A smaller batch that does not drain leaves a marked skill or
 * user to that recompute. A batch touches only its own partitions' users (one user's events are all
 * on one partition), so batches of different partitions write side by side
 * ({@link ProjectionLock#lockPartitions}): the channel has two consumers per replica, each with its
 * own partitions, and while one waits for its statement the other decodes. Offsets are committed
 * after the transaction commits. What the recompute moved is published on progress-events in the same
 * transaction ({@link ProgressPublisher}).
 */
@ApplicationScoped
public class PracticeLogEventsConsumer {

    private static final long NONE = Long.MIN_VALUE;

    private final EventBatchHandler handler;
    private final LogFactRepository facts;
    private final SkillDayRepository days;
    private final FigureRepository figures;
    private final ProjectionLock lock;
    private final StaleDrain drain;
    private final RecomputedSkills recomputed;
    private final int deferRecomputeAt;
    private final long quietNanos;
    /** When this consumer last applied a backlog batch ({@link System#nanoTime}), or {@link #NONE} once its marks were taken. */
    private final AtomicLong lastBacklogBatch = new AtomicLong(NONE);

    @Inject
    public PracticeLogEventsConsumer(EventBatchHandler handler, LogFactRepository facts, SkillDayRepository days, FigureRepository figures,
            ProjectionLock lock, StaleDrain drain, RecomputedSkills recomputed, ProgressConfig config) {
        this(handler, facts, days, figures, lock, drain, recomputed, config.deferRecomputeAt(), config.staleCheckInterval());
    }

    /** A consumer that takes a backlog as over once no backlog batch has come for {@code quiet}. */
    PracticeLogEventsConsumer(EventBatchHandler handler, LogFactRepository facts, SkillDayRepository days, FigureRepository figures,
            ProjectionLock lock, StaleDrain drain, RecomputedSkills recomputed, int deferRecomputeAt, Duration quiet) {
        this.handler = handler;
        this.facts = facts;
        this.days = days;
        this.figures = figures;
        this.lock = lock;
        this.drain = drain;
        this.recomputed = recomputed;
        this.deferRecomputeAt = deferRecomputeAt;
        this.quietNanos = quiet.toNanos();
    }

    @Incoming("practice-log-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        int[] partitions = records.partitions().stream().mapToInt(TopicPartition::partition).toArray();
        return handler.handleInTransaction(records, PracticeLogEventsConsumer::decode,
                (connection, batch) -> applyLogs(connection, partitions, batch));
    }

    /** Applies a batch of log events from these partitions (of the log events topic). */
    Uni<Void> applyLogs(SqlConnection connection, int[] partitions, List<LogFact> batch) {
        boolean backlog = batch.size() >= deferRecomputeAt;
        // only a small batch once this consumer's own backlog has been over for a while takes the marked
        // ones along: a backlog has small batches here and there too, and each drain re-reads every fact
        // of every marked skill; and the statements that drain are planned for many skills, which would
        // cost every small batch a scan of the days
        long lastBacklog = lastBacklogBatch.get();
        boolean draining = !backlog && lastBacklog != NONE && System.nanoTime() - lastBacklog >= quietNanos;
        // the lock and the facts go out together: PostgreSQL writes the facts (leaving out erased users'
        // events) once the lock is held. A drain reads what every partition's batches write, so it writes
        // alone; it re-aggregates the marked skills from the facts before this batch writes any (see
        // StaleDrain.drainMarkedSkills), and the batch's own changes are then applied on top, as usual.
        Uni<Void> locked = draining
                ? lock.lock(connection).chain(() -> drain.drainMarkedSkills(connection))
                : lock.lockPartitions(connection, partitions);
        if (backlog) {
            return Uni.combine().all().unis(locked, facts.saveAllMarkingStale(connection, batch)).discardItems()
                    .invoke(() -> lastBacklogBatch.set(System.nanoTime()));
        }
        Uni<AppliedFacts> written = draining
                ? locked.chain(() -> facts.saveAll(connection, batch))
                : Uni.combine().all().unis(locked, facts.saveAll(connection, batch)).with((locks, applied) -> applied);
        // only what a newer version changed is recomputed: a duplicate or an older version is a no-op
        return written
                // queued together, in this order: the connection runs them one after the other (each sees the
                // ones before); each is prepared once per connection (PreparedStatementsPool keeps even the
                // long recomputes)
                .chain(applied -> Uni.join().all(
                        days.addToDays(connection, applied.additions()),
                        days.recomputeDays(connection, applied.days()),
                        figures.recompute(connection, applied.skillsAsOf(), applied.usersAsOf(), draining))
                        .andFailFast().chain(() -> recomputed.recomputed(connection, applied.skillsAsOf().keySet())))
                // (a transaction that then fails to commit leaves marks behind: StaleFigures takes them)
                .invoke(() -> {
                    if (draining) {
                        lastBacklogBatch.compareAndSet(lastBacklog, NONE);
                    }
                });
    }

    static LogFact decode(ConsumerRecord<String, String> record) {
        PracticeLogChange change = PracticeLogChange.decode(record);
        return LogFact.of(change.log(), change.deleted(), change.changedAt());
    }
}
