package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.progress.event.ProgressEvents;
import dev.practicetracker.progress.repository.ProjectionLock;
import dev.practicetracker.progress.service.ProjectionRebuild;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ProjectionRebuildTest {

    /** Every derived table, minus the time each row was last written. */
    private static final List<String> PROJECTION = List.of(
            "select id, user_id, name, target_hours, milestone_ids, version, deleted from skills order by id",
            "select * from log_facts order by log_id",
            "select * from skill_days order by skill_id, local_date",
            "select skill_id, user_id, total_sessions, total_minutes, first_practiced_at, last_practiced_at, difficulty_sum,"
                    + " difficulty_count, confidence_sum, confidence_count, day_dates, day_sessions, day_minutes, as_of"
                    + " from skill_progress order by skill_id",
            "select user_id, total_sessions, total_minutes, day_dates, day_sessions, day_minutes, as_of from user_progress order by user_id",
            "select * from milestone_status order by skill_id, milestone_id");

    /** What progress-events last said of each skill: a rebuild keeps it. */
    private static final String PUBLISHED = "select skill_id, version, figures, level_reached, stage_reached from published_skills"
            + " order by skill_id";

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;

    @Inject
    Pool pool;

    @Inject
    ProjectionLock lock;

    @Inject
    ProjectionRebuild rebuild;

    @Test
    void twoConsumersShareTheLogEventsPartitionsAndARebuildRewindsBoth() {
        List<String> copies = kafka.getConsumerChannels().stream()
                .filter(channel -> channel.startsWith(Topics.PRACTICE_LOG_EVENTS)).sorted().toList();
        assertThat(copies).containsExactly(Topics.PRACTICE_LOG_EVENTS + "$1", Topics.PRACTICE_LOG_EVENTS + "$2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Set<TopicPartition>> assigned = copies.stream()
                    .map(copy -> kafka.<String, String>getConsumer(copy).getAssignments().await().atMost(Duration.ofSeconds(5))).toList();
            assertThat(assigned).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
            assertThat(assigned.stream().mapToInt(Set::size).sum()).isEqualTo(Topics.LOCAL_PARTITIONS);
        });
        // one user on each consumer's partitions: both are rewound and replayed
        List<UUID> skills = copies.stream().map(copy -> {
            Set<TopicPartition> partitions = kafka.<String, String>getConsumer(copy).getAssignments().await().atMost(Duration.ofSeconds(5));
            UUID user = userOnOneOf(partitions);
            UUID skill = publishSkill(user, "Rewound on " + copy);
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(LocalDate.now(ZoneOffset.UTC)), 20, 1));
            return skill;
        }).toList();
        for (UUID skill : skills) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from skill_progress where skill_id = ? and total_sessions = 1", skill) == 1);
        }

        given().auth().oauth2(TestTokens.withGroups(UUID.randomUUID(), "admin")).when().post("/progress/admin/rebuild")
                .then().statusCode(202);

        for (UUID skill : skills) {
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                    "select count(*) from skill_progress where skill_id = ? and total_sessions = 1", skill) == 1);
        }
    }

    /**
     * The rebuild empties the projection as one of its writers: it waits for the writers' lock. A drain
     * holds that lock while its shards run on other connections; a truncate queued for their tables
     * made a shard's next statement queue behind it, while the drain waited for the shard.
     */
    @Test
    void aRebuildWaitsForTheWritersLockBeforeEmptyingTheProjection() throws Exception {
        SqlConnection writer = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction open = writer.begin().await().atMost(WAIT);
            lock.lock(writer).await().atMost(WAIT);

            CompletableFuture<Void> emptied = rebuild.start().subscribeAsCompletionStage();
            await().atMost(WAIT).until(() -> TestDatabase.count(
                    "select count(*) from pg_locks where locktype = 'advisory' and mode = 'ExclusiveLock' and not granted") >= 1);
            assertThat(emptied).as("the rebuild waits while another writer holds the lock").isNotDone();

            open.commit().await().atMost(WAIT);
            emptied.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            writer.close().await().atMost(WAIT);
        }
    }

    /** A user whose events the producer's default partitioner puts on one of these partitions (keyed by user id). */
    private static UUID userOnOneOf(Set<TopicPartition> partitions) {
        while (true) {
            UUID user = UUID.randomUUID();
            int partition = Utils.toPositive(Utils.murmur2(user.toString().getBytes(StandardCharsets.UTF_8))) % Topics.LOCAL_PARTITIONS;
            if (partitions.contains(new TopicPartition(Topics.PRACTICE_LOG_EVENTS, partition))) {
                return user;
            }
        }
    }

    @Test
    void aRebuildFromTheTopicsEndsIdenticalToTheIncrementalState() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID marker = null;
        for (int u = 0; u < 3; u++) {
            UUID user = UUID.randomUUID();
            UUID skill = publishSkill(user, "Skill " + u, u == 0 ? 10 : null, "m1", "m2");
            ProgressEvents.publishMilestone(user, skill, "m1", "completed", 2);
            List<PracticeLogData> logs = new ArrayList<>();
            for (int day = 0; day < 12; day++) {
                PracticeLogData log = log(user, skill, at(today.minusDays(day * (u + 1L))), 10 + day, 1);
                logs.add(log);
                publishLog(EventTypes.PRACTICE_LOG_CREATED, log);
            }
            publishLog(EventTypes.PRACTICE_LOG_UPDATED, ProgressEvents.withVersion(logs.get(0), 99, 2));
            publishLog(EventTypes.PRACTICE_LOG_CREATED, logs.get(1));
            publishLog(EventTypes.PRACTICE_LOG_DELETED, ProgressEvents.changed(logs.get(2), 12, 2, true));
            marker = skill;
        }
        UUID erased = UUID.randomUUID();
        UUID erasedSkill = publishSkill(erased, "Erased");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(erased, erasedSkill, at(today), 30, 1));
        ProgressEvents.publishErasure(erased);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", erasedSkill) == 0);
        // the same person carries on after erasing their old data: what is new survives, replays included
        UUID afterwards = publishSkill(erased, "A fresh start");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(erased, afterwards, at(today), 25, 1));
        UUID last = marker;
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from skill_progress where skill_id = ? and total_sessions = 11", last) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from skill_progress where skill_id = ? and total_sessions = 1", afterwards) == 1);
        assertThat(TestDatabase.count("select count(*) from log_facts where skill_id = ?", erasedSkill)).isZero();
        List<List<String>> incremental = snapshot();
        List<String> published = TestDatabase.rows(PUBLISHED);

        given().auth().oauth2(TestTokens.withGroups(UUID.randomUUID(), "admin")).when().post("/progress/admin/rebuild")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(incremental));
        assertThat(snapshot().get(1)).isNotEmpty();
        // the replay passed through states already published: progress-events got nothing new
        assertThat(published).isNotEmpty();
        assertThat(TestDatabase.rows(PUBLISHED)).isEqualTo(published);
    }

    @Test
    void theDayAggregatesEqualAFreshAggregationOfTheFactsAfterEveryKindOfChange() {
        UUID user = UUID.randomUUID();
        UUID skill = publishSkill(user, "Days");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random(20261122);
        List<PracticeLogData> logs = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int choice = logs.isEmpty() ? 0 : random.nextInt(6);
            Instant when = today.minusDays(random.nextInt(3)).atTime(6 + random.nextInt(12), random.nextInt(60)).toInstant(ZoneOffset.UTC);
            if (choice <= 1) {
                // new logs, often several on one day
                PracticeLogData created = log(user, skill, when, LocalDate.ofInstant(when, ZoneOffset.UTC), 5 + random.nextInt(60),
                        1 + random.nextInt(5), 1);
                logs.add(created);
                publishLog(EventTypes.PRACTICE_LOG_CREATED, created);
                continue;
            }
            int pick = random.nextInt(logs.size());
            PracticeLogData current = logs.get(pick);
            if (current.deleted()) {
                // a late, older version of a deleted log changes nothing
                publishLog(EventTypes.PRACTICE_LOG_UPDATED, ProgressEvents.withVersion(current, 99, current.version() - 1));
                continue;
            }
            PracticeLogData next = switch (choice) {
                case 2 -> ProgressEvents.withVersion(current, 5 + random.nextInt(60), current.version() + 1);
                case 3 -> ProgressEvents.movedTo(current, when, current.version() + 1);
                case 4 -> ProgressEvents.changed(current, current.duration(), current.version() + 1, true);
                default -> current; // the same version again: a duplicate
            };
            logs.set(pick, next);
            publishLog(next.deleted() ? EventTypes.PRACTICE_LOG_DELETED : EventTypes.PRACTICE_LOG_UPDATED, next);
        }
        PracticeLogData marker = log(user, skill, today.atTime(23, 0).toInstant(ZoneOffset.UTC), 1, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, marker);
        // one user's events share a partition: once the marker is applied, everything before it is
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from log_facts where log_id = ?",
                marker.id()) == 1);

        String days = "select skill_id, local_date, user_id, sessions, minutes, difficulty_sum, difficulty_count, confidence_sum,"
                + " confidence_count, first_at, last_at from skill_days where skill_id = ?::uuid order by local_date";
        String fresh = """
                select skill_id, local_date, user_id, count(*)::int, sum(minutes)::bigint, coalesce(sum(difficulty), 0)::bigint,
                       count(difficulty)::int, coalesce(sum(confidence), 0)::bigint, count(confidence)::int,
                       min(date_practiced), max(date_practiced)
                  from log_facts where skill_id = ?::uuid and not deleted group by skill_id, local_date, user_id order by local_date""";
        assertThat(TestDatabase.rows(days, skill.toString())).isEqualTo(TestDatabase.rows(fresh, skill.toString())).hasSizeGreaterThan(1);
        long live = logs.stream().filter(log -> !log.deleted()).count() + 1;
        assertThat(TestDatabase.count("select total_sessions from skill_progress where skill_id = ?", skill)).isEqualTo(live);
    }

    @Test
    void onlyAnOperatorMayRebuild() {
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().post("/progress/admin/rebuild").then().statusCode(403);
    }

    private static List<List<String>> snapshot() {
        return PROJECTION.stream().map(TestDatabase::rows).toList();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 30).toInstant(ZoneOffset.UTC);
    }
}
