package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.practicelog.feed.TombstonePruning;
import dev.practicetracker.testing.AdjustableClock;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** {@code GET /practice-logs/changes}: what an offline client syncs by. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ChangeFeedTest {

    private static final String CURSOR_EXPIRED = "urn:practice-tracker:problem:cursor-expired";

    @Inject
    AdjustableClock clock;

    @Inject
    TombstonePruning pruning;

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user);
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = SkillEvents.skillKnownToService(user);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * The property: whatever the writers do meanwhile, a client that pages with small limits and
     * resumes from each next_cursor ends holding exactly the server's logs, each in its latest state,
     * and never sees a log go back to an older version. Several rounds, each its own seed and user.
     */
    @Test
    void aClientSyncingWithSmallPagesWhileOthersWriteEndsWithExactlyTheServersLogs() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            UUID owner = UUID.randomUUID();
            UUID ownersSkill = SkillEvents.skillKnownToService(owner);
            LogsApi writer = new LogsApi(owner);
            LogsApi stranger = new LogsApi(UUID.randomUUID());
            UUID strangersSkill = SkillEvents.skillKnownToService(stranger.user());
            Random random = new Random(seed);
            SyncingClient client = new SyncingClient(writer);

            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long writerSeed = seed * 100 + i;
                    writers.add(CompletableFuture.runAsync(() -> writeRandomly(writer, ownersSkill, new Random(writerSeed), 40), threads));
                }
                long strangersSeed = random.nextLong();
                writers.add(CompletableFuture.runAsync(() -> writeRandomly(stranger, strangersSkill, new Random(strangersSeed), 20), threads));
                CompletableFuture<Void> all = CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new));
                int pagesWhileWriting = 0;
                while (!all.isDone()) {
                    client.pull(1 + random.nextInt(5));
                    pagesWhileWriting++;
                }
                all.get();
                assertThat(pagesWhileWriting).as("pages read while the writers wrote").isGreaterThan(5);
            } finally {
                threads.shutdown();
            }
            client.syncToTheEnd(1 + random.nextInt(5));

            assertThat(client.logs).as("seed " + seed).isEqualTo(serversLogs(writer));
        }
    }

    @Test
    void aChangeAppearsAsTheLogsNewStateAndADeletionAsATombstoneInCommitOrder() {
        String kept = api.create(skill, Instant.now().minus(2, ChronoUnit.HOURS), 30);
        String deleted = api.create(skill, Instant.now().minus(1, ChronoUnit.HOURS), 20);
        JsonPath first = changes(null, 10).statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.op")).containsExactly("upsert", "upsert");
        assertThat(first.getList("items.log.id")).containsExactly(kept, deleted);
        assertThat(first.getBoolean("has_more")).isFalse();
        String synced = first.getString("next_cursor");

        api.patch(kept, Map.of("duration", 45)).statusCode(200);
        api.delete(deleted).statusCode(204);

        JsonPath since = changes(synced, 10).statusCode(200).extract().jsonPath();
        assertThat(since.getList("items.op")).containsExactly("upsert", "delete");
        assertThat(since.getString("items[0].log.id")).isEqualTo(kept);
        assertThat(since.getInt("items[0].log.duration")).isEqualTo(45);
        assertThat(since.getInt("items[0].log.version")).isEqualTo(2);
        assertThat(since.getString("items[1].id")).isEqualTo(deleted);
        assertThat(Instant.parse(since.getString("items[1].deleted_at"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(since.getMap("items[1]")).doesNotContainKey("log");

        JsonPath one = changes(synced, 1).statusCode(200).extract().jsonPath();
        assertThat(one.getList("items.op")).containsExactly("upsert");
        assertThat(one.getBoolean("has_more")).isTrue();
        JsonPath rest = changes(one.getString("next_cursor"), 1).statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.id")).containsExactly(deleted);
        assertThat(rest.getBoolean("has_more")).isFalse();

        JsonPath fromTheStart = changes(null, 10).statusCode(200).extract().jsonPath();
        assertThat(fromTheStart.getList("items.op")).containsExactly("upsert", "delete");
        assertThat(fromTheStart.getInt("items[0].log.version")).isEqualTo(2);

        JsonPath upToDate = changes(since.getString("next_cursor"), 10).statusCode(200).extract().jsonPath();
        assertThat(upToDate.getList("items")).isEmpty();
        assertThat(upToDate.getString("next_cursor")).isEqualTo(since.getString("next_cursor"));
        assertThat(upToDate.getBoolean("has_more")).isFalse();
    }

    @Test
    void anImportsLogsFollowInTheOrderOfItsRows() {
        String synced = changes(null, 10).statusCode(200).extract().path("next_cursor");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            rows.add(Map.of("skill_id", skill.toString(), "date_practiced", "2026-11-0" + day + "T10:00:00Z", "duration", 10 * day,
                    "description", "Imported day " + day));
        }
        api.request().contentType(ContentType.JSON).body(rows).when().post("/practice-logs/import").then().statusCode(201);

        JsonPath page = changes(synced, 10).statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.log.duration", Integer.class)).containsExactly(10, 20, 30);
    }

    @Test
    void aCursorThatMayHaveMissedAPrunedDeletionAnswers410() {
        String log = api.create(skill);
        String beforeTheDeletion = changes(null, 10).statusCode(200).extract().path("next_cursor");
        api.delete(log).statusCode(204);
        String afterTheDeletion = changes(beforeTheDeletion, 10).statusCode(200).extract().path("next_cursor");

        clock.advance(Duration.ofDays(29));
        pruning.prune().await().atMost(Duration.ofSeconds(30));
        changes(beforeTheDeletion, 10).statusCode(200).body("items[0].id", equalTo(log));

        clock.advance(Duration.ofDays(2));
        assertThat(pruning.prune().await().atMost(Duration.ofSeconds(30))).isPositive();
        changes(beforeTheDeletion, 10).statusCode(410).contentType(LogsApi.PROBLEM_JSON)
                .body("type", equalTo(CURSOR_EXPIRED)).body("detail", containsString("without since"));
        changes(afterTheDeletion, 10).statusCode(200).body("items.size()", equalTo(0));
        changes(null, 10).statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aCursorOfAFeedErasedSinceAnswers410() {
        api.create(skill);
        api.create(skill);
        String cursor = changes(null, 10).statusCode(200).extract().path("next_cursor");
        KafkaProbe.publish(Topics.USER_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service", EventTypes.USER_ERASED,
                user.toString(), Instant.now(), user), new UserErasedData(user));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from log_feeds where user_id = ?", user) == 0);
        changes(cursor, 10).statusCode(410).body("type", equalTo(CURSOR_EXPIRED));
    }

    @Test
    void aCursorOfAnotherUsersFeedAnswers410EvenWithinItsLengthAndOneNotIssuedHere400() {
        api.create(skill);
        String mine = changes(null, 10).statusCode(200).extract().path("next_cursor");
        LogsApi other = new LogsApi(UUID.randomUUID());
        other.create(SkillEvents.skillKnownToService(other.user()));
        other.create(SkillEvents.skillKnownToService(other.user()));

        other.request().queryParam("since", mine).when().get("/practice-logs/changes").then().statusCode(410);
        for (String bad : List.of("not-a-cursor", "MQ", "Zm9vOjE")) {
            changes(bad, 10).statusCode(400).contentType(LogsApi.PROBLEM_JSON).body("violations[0].field", equalTo("since"));
        }
        changes(null, 0).statusCode(400);
        changes(null, 1001).statusCode(400);
    }

    private ValidatableResponse changes(String since, int limit) {
        return changes(api, since, limit);
    }

    private static ValidatableResponse changes(LogsApi caller, String since, int limit) {
        var request = caller.request().queryParam("limit", limit);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.when().get("/practice-logs/changes").then();
    }

    /** Creates, changes and deletes its own logs at random. */
    private static void writeRandomly(LogsApi writer, UUID skill, Random random, int operations) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            int dice = random.nextInt(10);
            if (mine.size() < 2 || dice < 5) {
                mine.add(writer.create(skill, Instant.now().minus(1 + random.nextInt(500), ChronoUnit.MINUTES), 1 + random.nextInt(120)));
            } else if (dice < 8) {
                writer.patch(mine.get(random.nextInt(mine.size())), Map.of("duration", 1 + random.nextInt(120))).statusCode(200);
            } else {
                writer.delete(mine.remove(random.nextInt(mine.size()))).statusCode(204);
            }
        }
    }

    /** Every log of the caller as the list answers it, by id. */
    private static Map<String, Map<String, Object>> serversLogs(LogsApi caller) {
        Map<String, Map<String, Object>> logs = new HashMap<>();
        String cursor = null;
        do {
            var request = caller.request().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/practice-logs").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> logs.put((String) item.get("id"), item));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return logs;
    }

    /** An offline client's copy of its logs, kept by applying the feed. */
    private static final class SyncingClient {

        private final LogsApi caller;
        private final Map<String, Map<String, Object>> logs = new LinkedHashMap<>();
        private String cursor;

        SyncingClient(LogsApi caller) {
            this.caller = caller;
        }

        /** @return whether more changes follow */
        boolean pull(int limit) {
            JsonPath page = changes(caller, cursor, limit).statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            for (Map<String, Object> item : items) {
                if (item.get("op").equals("upsert")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> log = (Map<String, Object>) item.get("log");
                    Map<String, Object> held = logs.get((String) log.get("id"));
                    if (held != null) {
                        assertThat((Integer) log.get("version")).as("a log's version never goes back")
                                .isGreaterThan((Integer) held.get("version"));
                    }
                    logs.put((String) log.get("id"), log);
                } else {
                    assertThat(item.get("op")).isEqualTo("delete");
                    logs.remove((String) item.get("id"));
                }
            }
            cursor = page.getString("next_cursor");
            return page.getBoolean("has_more");
        }

        void syncToTheEnd(int limit) {
            while (pull(limit)) {
                // each page applied; the last says nothing more follows
            }
        }
    }
}
