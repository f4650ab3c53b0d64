package dev.practicetracker.progress.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.UserErasure;
import dev.practicetracker.platform.consumer.EventBatchHandler;
import dev.practicetracker.progress.repository.FigureRepository;
import dev.practicetracker.progress.repository.LogFact;
import dev.practicetracker.progress.repository.LogFactRepository;
import dev.practicetracker.progress.repository.ProjectionLock;
import dev.practicetracker.progress.repository.SkillDayRepository;
import dev.practicetracker.progress.repository.RecomputedSkills;
import dev.practicetracker.progress.repository.StaleDrain;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** A backlog batch defers the skill and user recompute; nothing is left stale once the backlog is over. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class DeferredRecomputeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Partitions the log events topic does not have: the service's own consumers never lock them. */
    private static final int[] PARTITION = {1000}, OTHER_PARTITION = {1001}, THIRD_PARTITION = {1002};
    private static final String DAYS = "select local_date, sessions, minutes, difficulty_sum, difficulty_count, confidence_sum,"
            + " confidence_count, first_at, last_at from skill_days where skill_id = $1";
    /** A skill's days aggregated afresh from its live facts. */
    private static final String FRESH_DAYS = "select local_date, count(*)::int, sum(minutes)::bigint, coalesce(sum(difficulty), 0)::bigint,"
            + " count(difficulty)::int, coalesce(sum(confidence), 0)::bigint, count(confidence)::int, min(date_practiced),"
            + " max(date_practiced) from log_facts where skill_id = $1 and not deleted group by local_date";

    @Inject
    PracticeLogEventsConsumer consumers;

    @Inject
    UserEventsConsumer userEvents;

    @Inject
    Pool pool;

    @Inject
    EventBatchHandler handler;

    @Inject
    LogFactRepository facts;

    @Inject
    SkillDayRepository days;

    @Inject
    FigureRepository figures;

    @Inject
    ProjectionLock lock;

    @Inject
    StaleDrain staleDrain;

    @Inject
    RecomputedSkills recomputed;

    @ConfigProperty(name = "practice-tracker.progress.defer-recompute-at")
    int backlog;

    @ConfigProperty(name = "practice-tracker.progress.drain-connections")
    int drainShards;

    /** The users whose logs a test applied straight to the projection, bypassing the topics. */
    private final List<UUID> users = new ArrayList<>();

    /** What no topic holds must not outlive the test: a rebuild from the topics (another test) would drop it. */
    @AfterEach
    void removeWhatTheTopicsDoNotHold() {
        for (UUID user : users) {
            TestDatabase.execute("delete from stale_skills where skill_id in (select skill_id from log_facts where user_id = ?)", user);
            for (String table : List.of("skill_progress", "skill_days", "log_facts", "user_progress", "stale_users")) {
                TestDatabase.execute("delete from " + table + " where user_id = ?", user);
            }
        }
    }

    @Test
    void aBacklogBatchOnlyMarksItsSkillsAndUsersAndASmallBatchOnceTheBacklogIsOverRecomputesThem() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        UUID other = UUID.randomUUID();
        List<LogFact> small = logs(other, UUID.randomUUID(), 1);
        // a backlog is over as soon as a small batch comes
        PracticeLogEventsConsumer caughtUp = replica(Duration.ZERO);

        pool.withTransaction(connection -> caughtUp.applyLogs(connection, PARTITION, batch)
                .chain(() -> Uni.join().all(
                        count(connection, "select count(*) from skill_progress where skill_id = $1", skill),
                        count(connection, "select count(*) from user_progress where user_id = $1", user),
                        count(connection, "select count(*) from stale_skills where skill_id = $1", skill),
                        count(connection, "select count(*) from stale_users where user_id = $1", user),
                        count(connection, "select count(*) from skill_days where skill_id = $1", skill)).andFailFast())
                .invoke(deferred -> assertThat(deferred).containsExactly(0L, 0L, 1L, 1L, 0L)))
                .await().atMost(WAIT);
        // committed, as a consumer commits each batch: the drain's other shards read from connections of their own
        pool.withTransaction(connection -> caughtUp.applyLogs(connection, PARTITION, small)
                .chain(() -> Uni.join().all(
                        count(connection, "select total_sessions from skill_progress where skill_id = $1", skill),
                        count(connection, "select total_minutes from skill_progress where skill_id = $1", skill),
                        count(connection, "select total_sessions from user_progress where user_id = $1", user),
                        count(connection, "select count(*) from stale_skills where skill_id = $1", skill),
                        count(connection, "select count(*) from stale_users where user_id = $1", user),
                        count(connection, "select total_sessions from user_progress where user_id = $1", other),
                        count(connection, "select count(*) from (" + DAYS + " except " + FRESH_DAYS + ") d", skill),
                        count(connection, "select count(*) from (" + FRESH_DAYS + " except " + DAYS + ") d", skill)).andFailFast())
                .invoke(recomputed -> assertThat(recomputed)
                        .containsExactly((long) backlog, minutes(batch), (long) backlog, 0L, 0L, 1L, 0L, 0L)))
                .await().atMost(WAIT);
    }

    @Test
    void aSmallBatchAmidABacklogLeavesTheMarkedFiguresForLater() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        UUID other = UUID.randomUUID();
        List<LogFact> small = logs(other, UUID.randomUUID(), 1);
        // a backlog's batches come one right after the other; a small one among them is no sign of its end
        PracticeLogEventsConsumer midBacklog = replica(Duration.ofHours(1));

        pool.withTransaction(connection -> midBacklog.applyLogs(connection, PARTITION, batch)
                .chain(() -> midBacklog.applyLogs(connection, PARTITION, small))
                .chain(() -> Uni.join().all(
                        count(connection, "select count(*) from stale_skills where skill_id = $1", skill),
                        count(connection, "select count(*) from stale_users where user_id = $1", user),
                        count(connection, "select count(*) from skill_progress where skill_id = $1", skill),
                        count(connection, "select total_sessions from user_progress where user_id = $1", other)).andFailFast())
                .invoke(left -> assertThat(left).containsExactly(1L, 1L, 0L, 1L)))
                .await().atMost(WAIT);
    }

    @Test
    void theCheckDoesNotRecomputeWhileAConsumerIsWriting() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        PracticeLogEventsConsumer midBacklog = replica(Duration.ofHours(1));

        // a backlog batch that has marked and not yet committed: the check, from another connection, backs off
        Boolean recomputedMeanwhile = pool.withTransaction(connection -> midBacklog.applyLogs(connection, PARTITION, batch)
                .chain(() -> pool.withTransaction(staleDrain::drainUnlessBusy))).await().atMost(WAIT);

        assertThat(recomputedMeanwhile).isFalse();
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill) == 0);
        assertThat(TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)).isEqualTo(backlog);
    }

    @Test
    void logBatchesOfOtherPartitionsWriteSideBySideAndOneOfTheSamePartitionWaits() {
        UUID one = UUID.randomUUID(), other = UUID.randomUUID(), late = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> oneBatch = logs(one, skill, backlog), otherBatch = logs(other, UUID.randomUUID(), backlog);
        List<LogFact> small = logs(late, UUID.randomUUID(), 1);
        // the same user's next log, delivered again to another consumer after a rebalance
        List<LogFact> samePartition = logs(one, skill, 1);
        PracticeLogEventsConsumer midBacklog = replica(Duration.ofHours(1));

        SqlConnection first = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction open = first.begin().await().atMost(WAIT);
            midBacklog.applyLogs(first, PARTITION, oneBatch).await().atMost(WAIT);
            // the first backlog batch has not committed; batches of other partitions go through meanwhile
            pool.withTransaction(connection -> midBacklog.applyLogs(connection, OTHER_PARTITION, otherBatch)).await().atMost(WAIT);
            assertThat(TestDatabase.count("select count(*) from log_facts where user_id = ?", other)).isEqualTo(backlog);
            pool.withTransaction(connection -> midBacklog.applyLogs(connection, THIRD_PARTITION, small)).await().atMost(WAIT);
            assertThat(TestDatabase.count("select total_sessions from user_progress where user_id = ?", late)).isEqualTo(1);

            // one of the same partition waits for it, then sees its marks: no figures from the skill's
            // incomplete days, they are left to the drain (read before the commit, which lets a drain in)
            CompletableFuture<List<Long>> sameApplied = pool.withTransaction(connection -> midBacklog
                    .applyLogs(connection, PARTITION, samePartition)
                    .chain(() -> Uni.join().all(
                            count(connection, "select count(*) from log_facts where skill_id = $1", skill),
                            count(connection, "select count(*) from stale_skills where skill_id = $1", skill),
                            count(connection, "select count(*) from skill_progress where skill_id = $1", skill)).andFailFast()))
                    .subscribeAsCompletionStage();
            await().atMost(WAIT).until(() -> TestDatabase.count(
                    "select count(*) from pg_locks where locktype = 'advisory' and mode = 'ExclusiveLock' and not granted") >= 1);
            assertThat(sameApplied).isNotDone();

            open.commit().await().atMost(WAIT);
            assertThat(sameApplied.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly(backlog + 1L, 1L, 0L);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the batch of the same partition did not apply once the first one committed", e);
        } finally {
            first.close().await().atMost(WAIT);
        }
    }

    @Test
    void aDrainWaitsUntilNoLogBatchIsWriting() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> marking = logs(user, skill, backlog), writing = logs(UUID.randomUUID(), UUID.randomUUID(), 1);
        List<LogFact> draining = logs(UUID.randomUUID(), UUID.randomUUID(), 1);
        PracticeLogEventsConsumer drainer = replica(Duration.ZERO);
        pool.withTransaction(connection -> drainer.applyLogs(connection, OTHER_PARTITION, marking)).await().atMost(WAIT);

        SqlConnection first = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction open = first.begin().await().atMost(WAIT);
            replica(Duration.ofHours(1)).applyLogs(first, PARTITION, writing).await().atMost(WAIT);

            // the drain reads what every partition's batches write: it waits for the one still writing
            CompletableFuture<Void> drained = pool.withTransaction(connection -> drainer.applyLogs(connection, THIRD_PARTITION, draining))
                    .subscribeAsCompletionStage();
            await().atMost(WAIT).until(() -> TestDatabase.count(
                    "select count(*) from pg_locks where locktype = 'advisory' and mode = 'ExclusiveLock' and not granted") >= 1);
            assertThat(drained).isNotDone();

            open.commit().await().atMost(WAIT);
            drained.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the drain did not run once the log batch committed", e);
        } finally {
            first.close().await().atMost(WAIT);
        }
        assertThat(TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill)).isZero();
        assertThat(TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)).isEqualTo(backlog);
    }

    @Test
    void aSmallBatchOfAnotherReplicaLeavesAMarkedSkillToTheRecomputeOfItsWholeDays() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog + 1);
        PracticeLogEventsConsumer oneReplica = replica(Duration.ZERO);
        PracticeLogEventsConsumer otherReplica = replica(Duration.ZERO);

        pool.withTransaction(connection -> oneReplica.applyLogs(connection, PARTITION, batch.subList(0, backlog))
                .chain(() -> otherReplica.applyLogs(connection, PARTITION, batch.subList(backlog, backlog + 1)))
                .chain(() -> Uni.join().all(
                        count(connection, "select count(*) from skill_progress where skill_id = $1", skill),
                        count(connection, "select count(*) from user_progress where user_id = $1", user),
                        count(connection, "select count(*) from stale_skills where skill_id = $1", skill)).andFailFast())
                // figures from the one day the small batch added to would be wrong, not just late
                .invoke(left -> assertThat(left).containsExactly(0L, 0L, 1L)))
                .await().atMost(WAIT);
        pool.withTransaction(connection -> drain(connection)
                .chain(() -> Uni.join().all(
                        count(connection, "select total_sessions from skill_progress where skill_id = $1", skill),
                        count(connection, "select total_sessions from user_progress where user_id = $1", user),
                        count(connection, "select count(*) from (" + FRESH_DAYS + " except " + DAYS + ") d", skill)).andFailFast())
                .invoke(recomputed -> assertThat(recomputed).containsExactly(backlog + 1L, backlog + 1L, 0L)))
                .await().atMost(WAIT);
    }

    @Test
    void aDayWhoseLogsABacklogDeletedIsGoneAfterTheDrain() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> recent = logs(user, skill, backlog);
        Instant practiced = LocalDate.now(ZoneOffset.UTC).minusDays(100).atTime(9, 0).toInstant(ZoneOffset.UTC);
        LogFact early = LogFact.of(ProgressEvents.log(user, skill, practiced, 25, 1), false, Instant.now().minusSeconds(120));
        LogFact earlyDeleted = early.deletedAt(2, Instant.now().minusSeconds(30));
        List<LogFact> backlogBatch = new ArrayList<>(recent);
        backlogBatch.add(earlyDeleted);
        PracticeLogEventsConsumer replica = replica(Duration.ZERO);
        String earlyDays = "select count(*) from skill_days where skill_id = $1 and local_date < current_date - 50";

        pool.withTransaction(connection -> replica.applyLogs(connection, PARTITION, List.of(early))
                .chain(() -> count(connection, earlyDays, skill))
                .invoke(written -> assertThat(written).isEqualTo(1L))
                .chain(() -> replica.applyLogs(connection, PARTITION, backlogBatch)))
                .await().atMost(WAIT);
        pool.withTransaction(connection -> drain(connection)
                .chain(() -> Uni.join().all(
                        count(connection, earlyDays, skill),
                        count(connection, "select total_sessions from skill_progress where skill_id = $1", skill),
                        count(connection, "select count(*) from (" + DAYS + " except " + FRESH_DAYS + ") d", skill),
                        count(connection, "select count(*) from (" + FRESH_DAYS + " except " + DAYS + ") d", skill)).andFailFast())
                .invoke(drained -> assertThat(drained).containsExactly(0L, (long) backlog, 0L, 0L)))
                .await().atMost(WAIT);
    }

    @Test
    void aDrainRecomputesTheMarkedSkillsOfEveryShard() {
        assertThat(drainShards).as("shards the drain runs side by side").isGreaterThan(1);
        List<UUID> owners = new ArrayList<>(), shardSkills = new ArrayList<>();
        for (int shard = 0; shard < drainShards; shard++) {
            UUID user = UUID.randomUUID(), skill = skillInShard(shard);
            List<LogFact> batch = logs(user, skill, backlog);
            PracticeLogEventsConsumer midBacklog = replica(Duration.ofHours(1));
            pool.withTransaction(connection -> midBacklog.applyLogs(connection, PARTITION, batch)).await().atMost(WAIT);
            owners.add(user);
            shardSkills.add(skill);
        }

        pool.withTransaction(this::drain).await().atMost(WAIT);

        for (int shard = 0; shard < drainShards; shard++) {
            UUID user = owners.get(shard), skill = shardSkills.get(shard);
            assertThat(List.of(TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill),
                    TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill),
                    TestDatabase.count("select total_sessions from user_progress where user_id = ?", user),
                    TestDatabase.count("select count(*) from (" + FRESH_DAYS.replace("$1", "?") + " except "
                            + DAYS.replace("$1", "?") + ") d", skill, skill)))
                    .as("skill of shard %d", shard).containsExactly(0L, (long) backlog, (long) backlog, 0L);
        }
    }

    @Test
    void aDrainOfOneUsersSkillsInEveryShardCompletes() {
        assertThat(drainShards).as("shards the drain runs side by side").isGreaterThan(1);
        // each skill practised day after day: each shard's recompute watches the user's streak across skills, the same row
        UUID user = UUID.randomUUID();
        List<UUID> skills = new ArrayList<>();
        for (int shard = 0; shard < drainShards; shard++) {
            UUID skill = skillInShard(shard);
            List<LogFact> batch = logs(user, skill, backlog);
            pool.withTransaction(connection -> replica(Duration.ofHours(1)).applyLogs(connection, PARTITION, batch)).await().atMost(WAIT);
            skills.add(skill);
        }

        pool.withTransaction(this::drain).await().atMost(WAIT);

        for (UUID skill : skills) {
            assertThat(List.of(TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill),
                    TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)))
                    .as("skill %s", skill).containsExactly(0L, (long) backlog);
        }
        assertThat(TestDatabase.count("select total_sessions from user_progress where user_id = ?", user))
                .isEqualTo((long) backlog * drainShards);
    }

    @Test
    void aDrainWhoseOtherShardWaitsForALockFailsInsteadOfHanging() {
        drainsAfterFailingOnALockedSkillOf(drainShards - 1);
    }

    @Test
    void aDrainWhoseFirstShardWaitsForALockFailsInsteadOfHanging() {
        drainsAfterFailingOnALockedSkillOf(0);
    }

    /**
     * A skill of this shard locked by something outside the writers (here a transaction holding its
     * mark; in the wild, a truncate or a migration queued behind the drainer): the drain gives up on
     * it instead of waiting, and the mark stays for the next drain (the service's own check takes it).
     */
    private void drainsAfterFailingOnALockedSkillOf(int shard) {
        UUID user = UUID.randomUUID(), skill = skillInShard(shard);
        List<LogFact> batch = logs(user, skill, backlog);
        pool.withTransaction(connection -> replica(Duration.ofHours(1)).applyLogs(connection, PARTITION, batch)).await().atMost(WAIT);

        SqlConnection blocker = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction open = blocker.begin().await().atMost(WAIT);
            blocker.preparedQuery("select 1 from stale_skills where skill_id = $1 for update").execute(Tuple.of(skill)).await().atMost(WAIT);

            assertThatThrownBy(() -> pool.withTransaction(this::drain).await().atMost(WAIT))
                    .hasMessageContaining("lock timeout");
            open.rollback().await().atMost(WAIT);
        } finally {
            blocker.close().await().atMost(WAIT);
        }
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill) == 0);
        assertThat(TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)).isEqualTo(backlog);
    }

    @Test
    void aBacklogBatchReplayedMarksNothing() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        List<LogFact> small = logs(UUID.randomUUID(), UUID.randomUUID(), 1);
        PracticeLogEventsConsumer caughtUp = replica(Duration.ZERO);

        // applied and recomputed, then redelivered whole: no version in it is newer than the facts
        pool.withTransaction(connection -> caughtUp.applyLogs(connection, PARTITION, batch)).await().atMost(WAIT);
        pool.withTransaction(connection -> caughtUp.applyLogs(connection, PARTITION, small)).await().atMost(WAIT);
        pool.withTransaction(connection -> caughtUp.applyLogs(connection, PARTITION, batch)
                .chain(() -> Uni.join().all(
                        count(connection, "select count(*) from stale_skills where skill_id = $1", skill),
                        count(connection, "select count(*) from stale_users where user_id = $1", user),
                        count(connection, "select total_sessions from skill_progress where skill_id = $1", skill)).andFailFast())
                .invoke(replayed -> assertThat(replayed).containsExactly(0L, 0L, (long) backlog)))
                .await().atMost(WAIT);
    }

    @Test
    void figuresABacklogLeftStaleAreRecomputedWhenNoFurtherBatchComes() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        pool.withTransaction(connection -> consumers.applyLogs(connection, PARTITION, batch)).await().atMost(WAIT);

        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill) == 0
                && TestDatabase.count("select count(*) from stale_users where user_id = ?", user) == 0);
        assertThat(TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)).isEqualTo(backlog);
        assertThat(TestDatabase.count("select total_minutes from skill_progress where skill_id = ?", skill)).isEqualTo(minutes(batch));
        assertThat(TestDatabase.count("select total_sessions from user_progress where user_id = ?", user)).isEqualTo(backlog);
    }

    @Test
    void aUserErasedWhileMarkedStaleIsNotRecomputedIntoARowAgain() {
        UUID user = UUID.randomUUID(), skill = UUID.randomUUID();
        List<LogFact> batch = logs(user, skill, backlog);
        pool.withTransaction(connection -> consumers.applyLogs(connection, PARTITION, batch)
                .chain(() -> userEvents.erase(connection, List.of(new UserErasure(user, Instant.now())))))
                .await().atMost(WAIT);

        // the skill's mark is cleared by the recompute (which finds nothing left of it)
        await().atMost(WAIT).until(() -> TestDatabase.count("select count(*) from stale_skills where skill_id = ?", skill) == 0);
        assertThat(TestDatabase.count("select count(*) from stale_users where user_id = ?", user)).isZero();
        assertThat(TestDatabase.count("select count(*) from user_progress where user_id = ?", user)).isZero();
        assertThat(TestDatabase.count("select count(*) from skill_progress where skill_id = ?", skill)).isZero();
    }

    /** A consumer of its own, like another replica's, that takes a backlog as over after {@code quiet}. */
    private PracticeLogEventsConsumer replica(Duration quiet) {
        return new PracticeLogEventsConsumer(handler, facts, days, figures, lock, staleDrain, recomputed, backlog, quiet);
    }

    /** What the check does once nothing has been marked for a while, waiting for the writers' lock instead of backing off. */
    private Uni<Void> drain(SqlConnection connection) {
        return lock.lock(connection).chain(() -> staleDrain.drainMarked(connection));
    }

    /** A random skill id in this drain shard: its last byte's remainder by the number of shards. */
    private UUID skillInShard(int shard) {
        while (true) {
            UUID skill = UUID.randomUUID();
            if ((skill.getLeastSignificantBits() & 0xFF) % drainShards == shard) {
                return skill;
            }
        }
    }

    /** {@code count} logs of one skill, a few a day over the last weeks, changed a minute ago. */
    private List<LogFact> logs(UUID user, UUID skill, int count) {
        users.add(user);
        Instant changed = Instant.now().minusSeconds(60);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LogFact> logs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant practiced = today.minusDays(i % 40).atTime(8 + i % 12, 0).toInstant(ZoneOffset.UTC);
            logs.add(LogFact.of(ProgressEvents.log(user, skill, practiced, 5 + i % 50, 1), false, changed));
        }
        return logs;
    }

    private static long minutes(List<LogFact> logs) {
        return logs.stream().mapToLong(LogFact::minutes).sum();
    }

    private static Uni<Long> count(SqlConnection connection, String sql, UUID id) {
        return connection.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> rows.iterator().next().getLong(0));
    }
}
