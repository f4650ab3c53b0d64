package dev.practicetracker.skills.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
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
class SkillCrudTest {

    private final UUID user = UUID.randomUUID();
    private final SkillsApi api = new SkillsApi(user);
    private final SkillsApi stranger = new SkillsApi(UUID.randomUUID());

    @Test
    void fieldLimitsAreEnforcedOnBothSides() {
        assertThat(createStatus("name", "n".repeat(100))).isEqualTo(201);
        assertThat(createStatus("name", "n".repeat(101))).isEqualTo(400);
        assertThat(createStatus("description", "d".repeat(2000))).isEqualTo(201);
        assertThat(createStatus("description", "d".repeat(2001))).isEqualTo(400);
        assertThat(createStatus("category", "c".repeat(50))).isEqualTo(201);
        assertThat(createStatus("category", "c".repeat(51))).isEqualTo(400);
        assertThat(createStatus("target_hours", 1)).isEqualTo(201);
        assertThat(createStatus("target_hours", 100000)).isEqualTo(201);
        assertThat(createStatus("target_hours", 0)).isEqualTo(400);
        assertThat(createStatus("target_hours", 100001)).isEqualTo(400);
        assertThat(createStatus("tags", tags(20, 50))).isEqualTo(201);
        assertThat(createStatus("tags", tags(21, 5))).isEqualTo(400);
        assertThat(createStatus("tags", tags(1, 51))).isEqualTo(400);
    }

    @Test
    void newSkillsGetTimeOrderedIds() {
        UUID first = UUID.fromString(api.create(Map.of("name", "First of two")).statusCode(201).extract().path("id"));
        UUID second = UUID.fromString(api.create(Map.of("name", "Second of two")).statusCode(201).extract().path("id"));

        assertThat(first.version()).isEqualTo(7);
        assertThat(second.version()).isEqualTo(7);
        assertThat(Long.compareUnsigned(second.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
    }

    @Test
    void aTooLongTagIsNamedByItsIndex() {
        api.create(Map.of("name", "Tagged", "tags", List.of("ok", "x".repeat(51))))
                .statusCode(400)
                .body("violations[0].field", equalTo("tags[1]"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnsTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Idempotent piano");

        String first = api.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/skills").then().statusCode(201).extract().path("id");
        String retry = api.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/skills").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");

        assertThat(retry).isEqualTo(first);
        assertThat(TestDatabase.count("select count(*) from skills where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        api.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "First"))
                .when().post("/skills").then().statusCode(201);

        api.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Second"))
                .when().post("/skills").then().statusCode(422).contentType(SkillsApi.PROBLEM_JSON);
        assertThat(TestDatabase.count("select count(*) from skills where user_id = ?", user)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyIsPerUser() {
        String key = UUID.randomUUID().toString();
        api.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Mine"))
                .when().post("/skills").then().statusCode(201);

        stranger.request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Mine"))
                .when().post("/skills").then().statusCode(201).body("user_id", equalTo(stranger.user().toString()));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndBumpsTheVersion() {
        String id = api.create(Map.of("name", "Guitar", "description", "six strings", "tags", List.of("music"))).statusCode(201)
                .extract().path("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("description", null);
        patch.put("target_hours", 50);

        api.patch(id, patch).statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Guitar"))
                .body("description", nullValue())
                .body("target_hours", equalTo(50))
                .body("tags", equalTo(List.of("music")))
                .body("version", equalTo(2));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = api.createSkill("Unchanged");

        api.patch(id, Map.of("name", "Unchanged")).statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        String id = api.createSkill("Contested");
        api.patch(id, Map.of("description", "first edit")).statusCode(200);

        api.request().header("If-Match", "\"1\"").contentType(SkillsApi.MERGE_PATCH).body(Map.of("description", "late edit"))
                .when().patch("/skills/" + id).then().statusCode(412).contentType(SkillsApi.PROBLEM_JSON);
        api.request().header("If-Match", "\"2\"").contentType(SkillsApi.MERGE_PATCH).body(Map.of("description", "current edit"))
                .when().patch("/skills/" + id).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void renamingOntoACaseVariantOfAnotherSkillConflicts() {
        api.createSkill("Violin");
        String id = api.createSkill("Viola");

        api.patch(id, Map.of("name", "VIOLIN")).statusCode(409);
        api.patch(id, Map.of("name", "VIOLA")).statusCode(200).body("name", equalTo("VIOLA"));
    }

    @Test
    void theIdOwnerAndCreationTimeCannotBeChanged() {
        String id = api.createSkill("Fixed");

        api.patch(id, Map.of("id", UUID.randomUUID().toString())).statusCode(400).body("violations[0].field", equalTo("id"));
        api.patch(id, Map.of("user_id", UUID.randomUUID().toString())).statusCode(400).body("violations[0].field", equalTo("user_id"));
        api.patch(id, Map.of("id", id, "description", "sending the id back unchanged is fine")).statusCode(200);
    }

    @Test
    void aPatchIsValidatedLikeACreate() {
        String id = api.createSkill("Validated");

        api.patch(id, Map.of("target_hours", 0, "name", "")).statusCode(400)
                .body("violations.field", equalTo(List.of("name", "target_hours")));
        api.patch(id, Map.of("target_hours", "many")).statusCode(400).body("violations[0].field", equalTo("target_hours"));
    }

    @Test
    void deletingASkillRemovesItAndPublishesItsLastState() {
        String id = api.createSkill("Ephemeral");

        api.request().when().delete("/skills/" + id).then().statusCode(204);

        api.get(id).statusCode(404);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            var deleted = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "skill.deleted.v1")
                    .and(KafkaProbe.withHeader("ce_subject", id)), 1).get(0);
            SkillData data = EventJson.read(deleted.value(), SkillData.class);
            assertThat(data.deleted()).isTrue();
            assertThat(data.version()).isEqualTo(2);
            assertThat(data.name()).isEqualTo("Ephemeral");
        }
    }

    @Test
    void anUpdatePublishesSkillUpdated() {
        String id = api.createSkill("Evolving");
        api.patch(id, Map.of("category", "arts")).statusCode(200);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            var updated = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "skill.updated.v1")
                    .and(KafkaProbe.withHeader("ce_subject", id)), 1).get(0);
            assertThat(EventJson.read(updated.value(), SkillData.class).category()).isEqualTo("arts");
            assertThat(updated.key()).isEqualTo(user.toString());
        }
    }

    @Test
    void everyOperationOnAnotherUsersSkillIsNotFound() {
        String id = api.createSkill("Private");
        api.putRoadmap(id, SkillsApi.roadmap()).statusCode(200);

        stranger.get(id).statusCode(404);
        stranger.patch(id, Map.of("name", "Mine now")).statusCode(404);
        stranger.request().when().delete("/skills/" + id).then().statusCode(404);
        stranger.putRoadmap(id, SkillsApi.roadmap()).statusCode(404);
        stranger.milestones(id).statusCode(404);
        stranger.patchMilestone(id, "m1", Map.of("status", "in_progress")).statusCode(404);
        api.get(id).statusCode(200).body("name", equalTo("Private")).body("version", equalTo(2));
    }

    @Test
    void pagesVisitEverySkillOnceNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createSkill("Paged " + i));
        }
        Collections.reverse(created);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/skills").then().statusCode(200).body("items", hasSize(lessThanOrEqualTo(2)));
            seen.addAll(page.extract().path("items.id"));
            cursor = page.extract().path("next_cursor");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void theListFiltersByTagAndByName() {
        api.create(Map.of("name", "Python", "tags", List.of("code"))).statusCode(201);
        api.create(Map.of("name", "Pottery", "tags", List.of("craft"))).statusCode(201);
        api.create(Map.of("name", "Rust", "tags", List.of("code"))).statusCode(201);

        api.request().queryParam("tag", "code").when().get("/skills").then().statusCode(200)
                .body("items.name", equalTo(List.of("Rust", "Python")));
        api.request().queryParam("q", "PY").when().get("/skills").then().statusCode(200)
                .body("items.name", equalTo(List.of("Python")));
        api.request().queryParam("q", "%").when().get("/skills").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aLimitOutsideOneToAHundredIsRejected() {
        api.request().queryParam("limit", 0).when().get("/skills").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        api.request().queryParam("limit", 101).when().get("/skills").then().statusCode(400);
        api.request().queryParam("cursor", "not-a-cursor").when().get("/skills").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    private int createStatus(String field, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Limit " + UUID.randomUUID());
        body.put(field, value);
        return api.create(body).extract().statusCode();
    }

    private static List<String> tags(int count, int length) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add((i + "-" + "t".repeat(length)).substring(0, length));
        }
        return tags;
    }
}
