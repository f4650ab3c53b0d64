package dev.practicetracker.evidence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.EvidenceData;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.evidence.event.Targets;
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
class EvidenceLifecycleTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T18:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-03T18:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-04T18:00:00Z");

    private final UUID user = UUID.randomUUID();
    private final EvidenceApi api = new EvidenceApi(user);
    private final EvidenceApi stranger = new EvidenceApi(UUID.randomUUID());
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = Targets.skill(user);
    }

    @Test
    void theExportHoldsAllOfTheCallersEvidenceNewestFirstAndNoOneElses() {
        UUID monday = Targets.log(user, skill, MONDAY);
        String first = api.note("practice_log_id", monday, "Monday's note");
        String second = api.note("skill_id", skill, "About the skill itself");
        String third = api.post(EvidenceApi.link(skill, "https://example.com/lesson")).statusCode(201).extract().path("id");
        UUID strangersSkill = Targets.skill(stranger.user());
        stranger.note("skill_id", strangersSkill, "Someone else's note");

        List<String> exported = api.request().when().get("/evidence/export").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("id");

        assertThat(exported).containsExactly(third, second, first);
    }

    @Test
    void aSkillsEvidenceIsGroupedBySessionInChronologicalOrder() {
        UUID tuesday = Targets.log(user, skill, TUESDAY);
        UUID monday = Targets.log(user, skill, MONDAY);
        String tuesdayNote = api.note("practice_log_id", tuesday, "Tuesday's note");
        String mondayNote = api.note("practice_log_id", monday, "Monday's note");
        String mondayLink = api.post(Map.of("type", "link", "practice_log_id", monday.toString(), "url", "https://example.com/monday"))
                .statusCode(201).extract().path("id");
        String skillNote = api.note("skill_id", skill, "About the skill itself");

        api.request().queryParam("skill_id", skill.toString()).when().get("/evidence").then().statusCode(200)
                .body("skill_id", equalTo(skill.toString()))
                .body("sessions.practice_log_id", equalTo(List.of(monday.toString(), tuesday.toString())))
                .body("sessions[0].date_practiced", equalTo(MONDAY.toString()))
                .body("sessions[0].items.id", equalTo(List.of(mondayNote, mondayLink)))
                .body("sessions[1].items.id", equalTo(List.of(tuesdayNote)))
                .body("skill_items.id", equalTo(List.of(skillNote)));
        api.request().queryParam("practice_log_id", monday.toString()).when().get("/evidence").then().statusCode(200)
                .body("items.id", equalTo(List.of(mondayNote, mondayLink)));
    }

    @Test
    void theGroupedViewPagesThroughTheChronology() {
        UUID monday = Targets.log(user, skill, MONDAY);
        for (int i = 0; i < 5; i++) {
            api.note("practice_log_id", monday, "note " + i);
        }

        var first = api.request().queryParam("skill_id", skill.toString()).queryParam("limit", 3).when().get("/evidence").then()
                .statusCode(200).body("sessions[0].items", hasSize(3));
        String cursor = first.extract().path("next_cursor");
        api.request().queryParam("skill_id", skill.toString()).queryParam("limit", 3).queryParam("cursor", cursor)
                .when().get("/evidence").then().statusCode(200)
                .body("sessions[0].items", hasSize(2))
                .body("next_cursor", equalTo(null));
    }

    @Test
    void aMergePatchChangesWhatTheItemSays() {
        String id = api.post(EvidenceApi.link(skill, "https://example.com/old")).statusCode(201).extract().path("id");

        api.request().contentType("application/merge-patch+json").body(Map.of("url", "https://example.com/new"))
                .when().patch("/evidence/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("url", equalTo("https://example.com/new")).body("version", equalTo(2));
        api.request().contentType("application/merge-patch+json").body(Map.of("type", "note"))
                .when().patch("/evidence/" + id).then().statusCode(400).body("violations[0].field", equalTo("type"));
        api.request().contentType("application/merge-patch+json").body(Map.of("url", "javascript:alert(1)"))
                .when().patch("/evidence/" + id).then().statusCode(400);
        api.request().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body(Map.of("url", "https://x.example"))
                .when().patch("/evidence/" + id).then().statusCode(412);
    }

    @Test
    void everyVerbOnAnotherUsersEvidenceIsNotFound() {
        String id = api.note("skill_id", skill, "mine");

        stranger.request().when().get("/evidence/" + id).then().statusCode(404);
        stranger.request().contentType(ContentType.JSON).body(Map.of("text", "theirs")).when().patch("/evidence/" + id).then().statusCode(404);
        stranger.request().when().delete("/evidence/" + id).then().statusCode(404);
        stranger.request().queryParam("skill_id", skill.toString()).when().get("/evidence").then().statusCode(404);
        api.request().when().get("/evidence/" + id).then().statusCode(200).body("text", equalTo("mine"));
    }

    @Test
    void createAndDeleteArePublished() {
        String id = api.note("skill_id", skill, "published");
        api.request().when().delete("/evidence/" + id).then().statusCode(204);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.EVIDENCE_EVENTS)) {
            var events = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 2);
            assertThat(events).extracting(record -> KafkaProbe.header(record.headers(), "ce_type"))
                    .containsExactly("evidence.created.v1", "evidence.deleted.v1");
            assertThat(EventJson.read(events.get(1).value(), EvidenceData.class).deleted()).isTrue();
        }
    }

    @Test
    void aDeletedLogTakesItsEvidence() {
        UUID log = Targets.log(user, skill, MONDAY);
        String gone = api.note("practice_log_id", log, "goes with the log");
        String kept = api.note("skill_id", skill, "stays with the skill");

        var deleted = Targets.logData(log, user, skill, MONDAY, 2);
        Targets.publishLog(EventTypes.PRACTICE_LOG_DELETED, new PracticeLogData(deleted.id(),
                deleted.userId(), deleted.skillId(), deleted.datePracticed(), deleted.localDate(), deleted.zone(), deleted.duration(),
                deleted.description(), null, null, deleted.activityType(), null, false, 2, deleted.createdAt(), deleted.updatedAt(), true));

        awaitDeletedEventOf(gone);
        api.request().when().get("/evidence/" + gone).then().statusCode(404);
        api.request().when().get("/evidence/" + kept).then().statusCode(200);
    }

    @Test
    void aSessionMovedToAnotherDayTakesItsEvidenceAndALateOlderVersionCannotMoveItBack() {
        UUID log = Targets.log(user, skill, MONDAY);
        String note = api.note("practice_log_id", log, "moves with its session");

        Targets.publishLog(EventTypes.PRACTICE_LOG_UPDATED, Targets.logData(log, user, skill, WEDNESDAY, 3));
        Targets.publishLog(EventTypes.PRACTICE_LOG_UPDATED, Targets.logData(log, user, skill, TUESDAY, 2));
        // the same user's events share a partition: once this later log is known, both updates were applied
        Targets.log(user, skill, MONDAY);

        assertThat(TestDatabase.rows("select sort_at from evidence where id = ?::uuid", note))
                .containsExactly(TestDatabase.rows("select ?::timestamptz", WEDNESDAY.toString()).get(0));
        api.request().queryParam("skill_id", skill.toString()).when().get("/evidence").then().statusCode(200)
                .body("sessions.find { it.practice_log_id == '" + log + "' }.date_practiced", equalTo(WEDNESDAY.toString()));
    }

    @Test
    void aDeletedSkillTakesItsEvidence() {
        UUID log = Targets.log(user, skill, MONDAY);
        String ofLog = api.note("practice_log_id", log, "session note");
        String ofSkill = api.note("skill_id", skill, "skill note");

        Targets.publishSkill(user, skill, 2, true);

        awaitDeletedEventOf(ofLog);
        awaitDeletedEventOf(ofSkill);
        assertThat(TestDatabase.count("select count(*) from evidence where skill_id = ?", skill)).isZero();
    }

    @Test
    void anErasedUserLeavesNoEvidence() {
        String first = api.note("skill_id", skill, "first");
        String second = api.note("skill_id", Targets.skill(user), "second");

        Targets.publishErasure(user);

        awaitDeletedEventOf(first);
        awaitDeletedEventOf(second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : List.of("evidence", "known_skills", "known_logs", "idempotency_keys")) {
                assertThat(TestDatabase.count("select count(*) from " + table + " where user_id = ?", user)).as(table).isZero();
            }
        });
    }

    @Test
    void theSameIdempotencyKeyCreatesOneItem() {
        Map<String, Object> body = Map.of("type", "note", "skill_id", skill.toString(), "text", "only once");
        String first = api.request().header("Idempotency-Key", "k1").contentType(ContentType.JSON).body(body)
                .when().post("/evidence").then().statusCode(201).extract().path("id");
        String again = api.request().header("Idempotency-Key", "k1").contentType(ContentType.JSON).body(body)
                .when().post("/evidence").then().statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(TestDatabase.count("select count(*) from evidence where user_id = ?", user)).isEqualTo(1);
    }

    private static void awaitDeletedEventOf(String evidenceId) {
        try (KafkaProbe probe = KafkaProbe.reading(Topics.EVIDENCE_EVENTS)) {
            probe.awaitRecords(KafkaProbe.withHeader("ce_subject", evidenceId).and(KafkaProbe.withHeader("ce_type", "evidence.deleted.v1")), 1);
        }
    }
}
