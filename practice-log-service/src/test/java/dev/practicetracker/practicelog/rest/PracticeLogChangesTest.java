package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class PracticeLogChangesTest {

    private static final Instant NOON = Instant.parse("2026-11-01T12:00:00Z");

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user);
    private final LogsApi stranger = new LogsApi(UUID.randomUUID());
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = SkillEvents.skillKnownToService(user, "m1", "m2");
    }

    @Test
    void aMergePatchChangesTheEditableFieldsAndBumpsTheVersion() {
        String id = api.create(skill, NOON, 30);
        Map<String, Object> patch = new HashMap<>();
        patch.put("duration", 45);
        patch.put("difficulty_rating", 4);
        patch.put("milestone_id", "m2");

        api.patch(id, patch).statusCode(200)
                .header("ETag", "\"2\"")
                .body("duration", equalTo(45))
                .body("difficulty_rating", equalTo(4))
                .body("milestone_id", equalTo("m2"))
                .body("description", equalTo("Practised for the tests"))
                .body("version", equalTo(2));
    }

    @Test
    void nullClearsAnOptionalRating() {
        Map<String, Object> body = LogsApi.log(skill, NOON, 30);
        body.put("confidence_rating", 3);
        String id = api.post(body).statusCode(201).extract().path("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("confidence_rating", null);

        api.patch(id, patch).statusCode(200).body("confidence_rating", nullValue());
    }

    @Test
    void aNewDateMovesTheLocalDateInTheCallersZone() {
        LogsApi inTokyo = new LogsApi(user, "Asia/Tokyo");
        String id = inTokyo.create(skill, NOON, 30);

        inTokyo.patch(id, Map.of("date_practiced", "2026-11-01T20:00:00Z")).statusCode(200)
                .body("local_date", equalTo("2026-11-02"));
    }

    @Test
    void theSkillOwnerIdAndCreationTimeCannotChange() {
        String id = api.create(skill, NOON, 30);
        UUID otherSkill = SkillEvents.skillKnownToService(user);

        api.patch(id, Map.of("skill_id", otherSkill.toString())).statusCode(400).body("violations[0].field", equalTo("skill_id"));
        api.patch(id, Map.of("user_id", UUID.randomUUID().toString())).statusCode(400).body("violations[0].field", equalTo("user_id"));
        api.patch(id, Map.of("id", UUID.randomUUID().toString())).statusCode(400).body("violations[0].field", equalTo("id"));
        api.patch(id, Map.of("created_at", "2020-01-01T00:00:00Z")).statusCode(400).body("violations[0].field", equalTo("created_at"));
        api.patch(id, Map.of("skill_id", skill.toString(), "duration", 31)).statusCode(200).body("duration", equalTo(31));
    }

    @Test
    void aPatchIsHeldToTheSameRules() {
        String id = api.create(skill, NOON, 30);

        api.patch(id, Map.of("duration", 1441)).statusCode(400).body("violations[0].field", equalTo("duration"));
        api.patch(id, Map.of("description", " too short ")).statusCode(400).body("violations[0].field", equalTo("description"));
        api.patch(id, Map.of("milestone_id", "m9")).statusCode(400).body("violations[0].field", equalTo("milestone_id"));
        api.patch(id, Map.of("date_practiced", Instant.now().plus(1, ChronoUnit.DAYS).toString())).statusCode(400);
        api.get(id).statusCode(200).body("version", equalTo(1)).body("duration", equalTo(30));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        String id = api.create(skill, NOON, 30);
        api.patch(id, Map.of("duration", 40)).statusCode(200);

        api.request().header("If-Match", "\"1\"").contentType(LogsApi.MERGE_PATCH).body(Map.of("duration", 50))
                .when().patch("/practice-logs/" + id).then().statusCode(412);
        api.request().header("If-Match", "\"1\"").when().delete("/practice-logs/" + id).then().statusCode(412);
        api.get(id).statusCode(200).body("duration", equalTo(40));
    }

    @Test
    void everyVerbOnAnotherUsersLogIsNotFoundAndChangesNothing() {
        String id = api.create(skill, NOON, 30);

        stranger.get(id).statusCode(404).contentType(LogsApi.PROBLEM_JSON);
        stranger.patch(id, Map.of("duration", 99)).statusCode(404);
        stranger.delete(id).statusCode(404);
        api.get(id).statusCode(200).body("duration", equalTo(30)).body("version", equalTo(1));
    }

    @Test
    void updatesAndDeletesArePublished() {
        String id = api.create(skill, NOON, 30);
        api.patch(id, Map.of("duration", 35)).statusCode(200);
        api.delete(id).statusCode(204);

        api.get(id).statusCode(404);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            var events = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 3);
            assertThat(events).extracting(record -> KafkaProbe.header(record.headers(), "ce_type"))
                    .containsExactly("practice-log.created.v1", "practice-log.updated.v1", "practice-log.deleted.v1");
            PracticeLogData last = EventJson.read(events.get(2).value(), PracticeLogData.class);
            assertThat(last.deleted()).isTrue();
            assertThat(last.version()).isEqualTo(3);
            assertThat(last.duration()).isEqualTo(35);
        }
    }

    @Test
    void theHistoryIsNewestFirstAndFiltersByDayInclusive() {
        UUID other = SkillEvents.skillKnownToService(user);
        String first = api.create(skill, Instant.parse("2026-10-01T08:00:00Z"), 10);
        String second = api.create(skill, Instant.parse("2026-10-02T23:59:59Z"), 20);
        String third = api.create(other, Instant.parse("2026-10-03T00:00:00Z"), 30);

        assertThat(history(Map.of())).containsExactly(third, second, first);
        assertThat(history(Map.of("skill_id", skill.toString()))).containsExactly(second, first);
        assertThat(history(Map.of("from", "2026-10-02", "to", "2026-10-02"))).containsExactly(second);
        assertThat(history(Map.of("from", "2026-10-01T08:00:00Z", "to", "2026-10-03T00:00:00Z"))).containsExactly(third, second, first);
        api.request().queryParam("from", "yesterday").when().get("/practice-logs").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        api.request().queryParam("skill_id", "nope").when().get("/practice-logs").then().statusCode(400)
                .body("violations[0].field", equalTo("skill_id"));
    }

    @Test
    void pagingVisitsEveryRowExactlyOnceWhileRowsAreInserted() throws Exception {
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            existing.add(api.create(skill, NOON.minus(i, ChronoUnit.HOURS), 10));
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 15; i++) {
                api.create(skill, NOON.minus(i * 90L, ChronoUnit.MINUTES).plusSeconds(1), 10);
            }
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.request().queryParam("limit", 4).queryParam("skill_id", skill.toString());
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/practice-logs").then().statusCode(200);
            seen.addAll(page.extract().path("items.id"));
            cursor = page.extract().path("next_cursor");
        } while (cursor != null);
        writer.get();

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(existing);
    }

    @Test
    void aQuickLogUsesThePresetAndDescribesItself() {
        api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skill.toString(), "preset", "30m"))
                .when().post("/practice-logs/quick").then().statusCode(201)
                .body("duration", equalTo(30))
                .body("description", equalTo("Quick practice session (30 min)"));
        api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skill.toString(), "preset", "1h"))
                .when().post("/practice-logs/quick").then().statusCode(201).body("duration", equalTo(60));
        api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skill.toString(), "duration", 5))
                .when().post("/practice-logs/quick").then().statusCode(201).body("description", equalTo("Quick practice session (5 min)"));
        api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skill.toString(), "preset", "2h"))
                .when().post("/practice-logs/quick").then().statusCode(400).body("violations[0].field", equalTo("preset"));
    }

    @Test
    void theSameIdempotencyKeyCreatesOneLog() {
        Map<String, Object> body = LogsApi.log(skill, NOON, 30);
        String first = api.request().header("Idempotency-Key", "once").contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs").then().statusCode(201).extract().path("id");
        String again = api.request().header("Idempotency-Key", "once").contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs").then().statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isEqualTo(1);
        body.put("duration", 31);
        api.request().header("Idempotency-Key", "once").contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs").then().statusCode(422);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        Map<String, Object> body = LogsApi.log(skill, NOON, 30);
        body.put("padding", "x".repeat(1024 * 1024));

        api.post(body).statusCode(413).contentType(LogsApi.PROBLEM_JSON);
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    private List<String> history(Map<String, String> filters) {
        return api.request().queryParams(filters).when().get("/practice-logs").then().statusCode(200).extract().path("items.id");
    }
}
