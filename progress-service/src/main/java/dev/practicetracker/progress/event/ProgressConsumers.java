package dev.practicetracker.progress.event;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.IncomingEvent;
import dev.practicetracker.events.MilestoneData;
import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.UserErasure;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.platform.erasure.ErasedUsers;
import dev.practicetracker.progress.repository.AppliedFacts;
import dev.practicetracker.progress.repository.KnownSkillRepository;
import dev.practicetracker.progress.repository.LogFact;
import dev.practicetracker.progress.repository.LogFactRepository;
import dev.practicetracker.progress.repository.MilestoneStatusRepository;
import dev.practicetracker.progress.repository.ProgressRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The read model's only writers. Each polled batch is applied in one transaction: facts and skills
 * are upserted only when their version is newer, then every skill and user the batch touched is
 * recomputed. A batch of at least {@code defer-recompute-at} log events means the consumer is working
 * through a backlog (a rebuild, an import, a restart): it writes only the facts and marks the skills
 * and users as stale, so each one's days and figures are recomputed once when the backlog is over (by
 * the first smaller batch once no backlog batch has come for a {@code stale-check-interval}) instead
 * of once per batch; {@link StaleFigures} covers a backlog after which no batch comes, or whose
 * partitions moved to another replica. A smaller batch that does not drain leaves a marked skill or
 * user to that recompute. A log batch touches only its own partitions' users (one user's events are
 * all on one partition), so log batches of different partitions write side by side (see
 * {@link ProgressRepository#lockPartitions}): the log events' channel has two consumers per replica,
 * each with its own partitions, and while one waits for its statement the other decodes. Everything
 * else that writes (skill events, erasures, the drain) writes alone. Offsets are committed after the
 * transaction commits.
 */
@ApplicationScoped
public class ProgressConsumers {

    /** A skill-events record: a skill's new state or a milestone's, and when it changed. */
    record SkillEvent(SkillData skill, MilestoneData milestone, Instant at) {

        UUID userId() {
            return skill != null ? skill.userId() : milestone.userId();
        }
    }


    private static final long NONE = Long.MIN_VALUE;

    private final EventBatchHandler handler;
    private final LogFactRepository facts;
    private final KnownSkillRepository skills;
    private final MilestoneStatusRepository milestones;
    private final ProgressRepository progress;
    private final ErasedUsers erasedUsers;
    private final int deferRecomputeAt;
    private final int drainShards;
    private final long quietNanos;
    /** When this consumer last applied a backlog batch ({@link System#nanoTime}), or {@link #NONE} once its marks were taken. */
    private final AtomicLong lastBacklogBatch = new AtomicLong(NONE);

    public ProgressConsumers(EventBatchHandler handler, LogFactRepository facts, KnownSkillRepository skills,
            MilestoneStatusRepository milestones, ProgressRepository progress, ErasedUsers erasedUsers,
            @ConfigProperty(name = "practice-tracker.progress.defer-recompute-at") int deferRecomputeAt,
            @ConfigProperty(name = "practice-tracker.progress.stale-check-interval") Duration quiet,
            @ConfigProperty(name = "practice-tracker.progress.drain-connections") int drainShards) {
        this.handler = handler;
        this.facts = facts;
        this.skills = skills;
        this.milestones = milestones;
        this.progress = progress;
        this.erasedUsers = erasedUsers;
        this.deferRecomputeAt = deferRecomputeAt;
        if (drainShards < 1) {
            throw new IllegalArgumentException("practice-tracker.progress.drain-connections must be at least 1, not " + drainShards);
        }
        this.drainShards = drainShards;
        this.quietNanos = quiet.toNanos();
    }

    @Incoming("practice-log-events")
    public Uni<Void> logs(ConsumerRecords<String, String> records) {
        int[] partitions = records.partitions().stream().mapToInt(TopicPartition::partition).toArray();
        return handler.handleInTransaction(records, ProgressConsumers::decodeLog,
                (connection, batch) -> applyLogs(connection, partitions, batch));
    }

    @Incoming("skill-events")
    public Uni<Void> skills(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, ProgressConsumers::decodeSkillEvent, this::applySkillEvents);
    }

    @Incoming("user-events")
    public Uni<Void> users(ConsumerRecords<String, String> records) {
        return handler.handleInTransaction(records, UserErasure::of, this::erase);
    }

    /** Applies a batch of log events from these partitions (of the log events topic). */
    Uni<Void> applyLogs(SqlConnection connection, int[] partitions, List<LogFact> batch) {
        boolean backlog = batch.size() >= deferRecomputeAt;
        // only a small batch once this consumer's own backlog has been over for a while takes the marked
        // ones along: a backlog has small batches here and there too, and each drain re-reads every fact
        // of every marked skill; and the statements that drain are planned for many skills, which would
        // cost every small batch a scan of the days
        long lastBacklog = lastBacklogBatch.get();
        boolean drain = !backlog && lastBacklog != NONE && System.nanoTime() - lastBacklog >= quietNanos;
        // the lock and the facts go out together: PostgreSQL writes the facts (leaving out erased users'
        // events) once the lock is held. A drain reads what every partition's batches write, so it writes
        // alone; it re-aggregates the marked skills from the facts before this batch writes any (see
        // drainMarkedSkills), and the batch's own changes are then applied on top, as usual.
        Uni<Void> locked = drain
                ? progress.lock(connection).chain(() -> progress.drainMarkedSkills(connection, drainShards))
                : progress.lockPartitions(connection, partitions);
        if (backlog) {
            return Uni.combine().all().unis(locked, facts.saveAllMarkingStale(connection, batch)).discardItems()
                    .invoke(() -> lastBacklogBatch.set(System.nanoTime()));
        }
        Uni<AppliedFacts> written = drain
                ? locked.chain(() -> facts.saveAll(connection, batch))
                : Uni.combine().all().unis(locked, facts.saveAll(connection, batch)).with((lock, applied) -> applied);
        // only what a newer version changed is recomputed: a duplicate or an older version is a no-op
        return written
                // queued together, in this order: the connection runs them one after the other (each sees the
                // ones before); each is prepared once per connection (PreparedStatementsPool keeps even the
                // long recomputes)
                .chain(applied -> Uni.join().all(
                        progress.addToDays(connection, applied.additions()),
                        progress.recomputeDays(connection, applied.days()),
                        progress.recompute(connection, applied.skillsAsOf(), applied.usersAsOf(), drain))
                        .andFailFast().replaceWithVoid())
                // (a transaction that then fails to commit leaves marks behind: StaleFigures takes them)
                .invoke(() -> {
                    if (drain) {
                        lastBacklogBatch.compareAndSet(lastBacklog, NONE);
                    }
                });
    }

    /**
     * Recomputes every skill and user marked stale, unless a consumer is writing right now: a backlog
     * batch that takes longer than the quiet period looks like the end of the backlog from outside,
     * and a drain amid a backlog re-reads every fact of every marked skill only for them to be marked
     * again. @return whether it recomputed
     */
    Uni<Boolean> recomputeStaleUnlessBusy(SqlConnection connection) {
        return progress.tryLock(connection).chain(locked -> locked ? drainMarked(connection).replaceWith(true) : Uni.createFrom().item(false));
    }

    /**
     * Recomputes every skill and user marked stale: the skills' days and figures, in shards side by
     * side, then the users. The caller holds the writers' lock exclusively and has written nothing
     * in its transaction yet (see {@link ProgressRepository#drainMarkedSkills}).
     */
    Uni<Void> drainMarked(SqlConnection connection) {
        return progress.drainMarkedSkills(connection, drainShards).chain(() -> progress.recompute(connection, Map.of(), Map.of(), true));
    }

    Uni<Void> applySkillEvents(SqlConnection connection, List<SkillEvent> batch) {
        List<SkillEvent> events = batch.stream().filter(Objects::nonNull).toList();
        return progress.lock(connection)
                .chain(() -> erasedUsers.withoutErased(connection, events, SkillEvent::userId, SkillEvent::at)).chain(live -> {
            List<KnownSkillRepository.SkillState> skillStates = live.stream().filter(event -> event.skill() != null)
                    .map(event -> new KnownSkillRepository.SkillState(event.skill(), event.at())).toList();
            List<MilestoneStatusRepository.MilestoneState> milestoneStates = live.stream().filter(event -> event.milestone() != null)
                    .map(event -> new MilestoneStatusRepository.MilestoneState(event.milestone(), event.at())).toList();
            Map<UUID, Instant> usersOfDeletedSkills = new HashMap<>();
            live.stream().filter(event -> event.skill() != null && event.skill().deleted())
                    .forEach(event -> usersOfDeletedSkills.merge(event.userId(), event.at(), ProgressConsumers::later));
            return skills.saveAll(connection, skillStates)
                    .chain(() -> milestones.saveAll(connection, milestoneStates))
                    .chain(() -> Multi.createFrom().iterable(skillStates).filter(state -> state.skill().deleted())
                            .onItem().transformToUniAndConcatenate(state -> progress.forgetSkill(connection, state.skill().id()))
                            .collect().last())
                    .chain(() -> progress.recomputeUsers(connection, usersOfDeletedSkills));
        });
    }

    Uni<Void> erase(SqlConnection connection, List<UserErasure> batch) {
        return progress.lock(connection).chain(() -> Multi.createFrom().iterable(batch).filter(Objects::nonNull)
                .onItem().transformToUniAndConcatenate(erasure -> erasedUsers.record(connection, erasure.userId(), erasure.at())
                        .chain(() -> progress.forgetUser(connection, erasure.userId(), erasure.at())))
                .collect().last().replaceWithVoid());
    }

    static LogFact decodeLog(ConsumerRecord<String, String> record) {
        PracticeLogChange change = PracticeLogChange.decode(record);
        return LogFact.of(change.log(), change.deleted(), change.changedAt());
    }

    /** A skill's or a milestone's new state, or null for an event progress has no use for. */
    static SkillEvent decodeSkillEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type()) {
            case EventTypes.SKILL_CREATED, EventTypes.SKILL_UPDATED, EventTypes.SKILL_DELETED ->
                new SkillEvent(event.data(SkillData.class).requireComplete(), null, event.envelope().time());
            case EventTypes.MILESTONE_UPDATED -> new SkillEvent(null, event.data(MilestoneData.class), event.envelope().time());
            default -> null;
        };
    }


    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
