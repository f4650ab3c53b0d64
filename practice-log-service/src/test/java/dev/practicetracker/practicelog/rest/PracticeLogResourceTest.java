package dev.practicetracker.practicelog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.InstantText;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class PracticeLogResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TEN_CHARACTERS = "0123456789";
    private static final Instant EVENING_IN_BERLIN = Instant.parse("2026-11-20T23:30:00Z");

    private final UUID user = UUID.randomUUID();
    private UUID skill;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void skillOfTheUser() {
        skill = SkillEvents.skillKnownToService(user, "m1");
    }

    @Test
    void logsPracticeOfTheCallersSkill() {
        post(validLog())
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", notNullValue())
                .body("user_id", equalTo(user.toString()))
                .body("skill_id", equalTo(skill.toString()))
                .body("duration", equalTo(45))
                .body("description", equalTo("Practiced SQL window functions"))
                .body("difficulty_rating", equalTo(3))
                .body("confidence_rating", nullValue())
                .body("activity_type", equalTo("practice"))
                .body("version", equalTo(1));
    }

    @Test
    void localDateIsTheDayInTheCallersZone() {
        Map<String, Object> body = validLog();
        body.put("date_practiced", EVENING_IN_BERLIN.toString());

        given().auth().oauth2(TestTokens.forUser(user, "Europe/Berlin")).contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs")
                .then().statusCode(201)
                .body("local_date", equalTo("2026-11-21"));
    }

    @Test
    void instantsInResponsesAreWrittenByInstantTextNotTheTimeModule() throws Exception {
        assertThat(json.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getName())
                .startsWith(InstantText.class.getName() + "$");
        String createdAt = post(validLog()).statusCode(201).extract().path("created_at");
        assertThat(createdAt).isEqualTo(Instant.parse(createdAt).toString());
    }

    @Test
    void readsBackTheCallersLogButNotAnotherUsers() {
        String id = post(validLog()).statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.forUser(user)).when().get("/practice-logs/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().get("/practice-logs/" + id)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anotherUsersSkillIsNotFoundAndNothingIsWritten() {
        UUID strangersSkill = SkillEvents.skillKnownToService(UUID.randomUUID());
        Map<String, Object> body = validLog();
        body.put("skill_id", strangersSkill.toString());

        post(body).statusCode(404).contentType(PROBLEM_JSON);
        assertThat(TestDatabase.count("select count(*) from practice_logs where skill_id = ?", strangersSkill)).isZero();
    }

    @Test
    void aDeletedSkillIsNotFound() {
        SkillEvents.publish("skill.deleted.v1", SkillEvents.skill(skill, user, 2, true, "m1"));
        SkillEvents.awaitVersion(skill, 2);

        post(validLog()).statusCode(404);
    }

    @Test
    void aSkillTheServiceCannotConfirmIsUnavailableNotMissing() {
        Map<String, Object> body = validLog();
        body.put("skill_id", UUID.randomUUID().toString());

        post(body).statusCode(503).contentType(PROBLEM_JSON);
    }

    @Test
    void aMilestoneOfTheRoadmapIsAccepted() {
        Map<String, Object> body = validLog();
        body.put("milestone_id", "m1");

        post(body).statusCode(201).body("milestone_id", equalTo("m1"));
    }

    @Test
    void aLogMayCompleteTheMilestoneItNamesAndTheEventSaysSo() {
        Map<String, Object> body = validLog();
        body.put("milestone_id", "m1");
        body.put("milestone_completed", true);

        String id = post(body).statusCode(201).body("milestone_completed", equalTo(true)).extract().path("id");
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            var created = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 1).get(0);
            assertThat(EventJson.read(created.value(), PracticeLogData.class).milestoneCompleted()).isTrue();
        }
        LogsApi api = new LogsApi(user);
        api.patch(id, Map.of("milestone_completed", false)).statusCode(200).body("milestone_completed", equalTo(false));
        body.remove("milestone_completed");
        post(body).statusCode(201).body("milestone_completed", equalTo(false));
    }

    @Test
    void aLogCompletesAMilestoneOnlyIfItNamesOne() {
        Map<String, Object> body = validLog();
        body.put("milestone_completed", true);

        post(body).statusCode(400).body("violations[0].field", equalTo("milestone_completed"));
        body.put("milestone_id", "m1");
        String id = post(body).statusCode(201).extract().path("id");
        new LogsApi(user).patch(id, Collections.singletonMap("milestone_id", null)).statusCode(400)
                .body("violations[0].field", equalTo("milestone_completed"));
    }

    @Test
    void durationBoundariesAreOneAndFourteenFortyMinutes() {
        assertThat(statusWith("duration", 0)).isEqualTo(400);
        assertThat(statusWith("duration", 1)).isEqualTo(201);
        assertThat(statusWith("duration", 1440)).isEqualTo(201);
        assertThat(statusWith("duration", 1441)).isEqualTo(400);
    }

    @Test
    void descriptionIsTenToFiveHundredCharactersAfterTrimming() {
        assertThat(statusWith("description", "  " + TEN_CHARACTERS.substring(1) + "  ")).isEqualTo(400);
        assertThat(statusWith("description", "  " + TEN_CHARACTERS + "  ")).isEqualTo(201);
        assertThat(statusWith("description", "x".repeat(500))).isEqualTo(201);
        assertThat(statusWith("description", "x".repeat(501))).isEqualTo(400);
    }

    @Test
    void ratingsAreOneToFive() {
        assertThat(statusWith("difficulty_rating", 0)).isEqualTo(400);
        assertThat(statusWith("difficulty_rating", 1)).isEqualTo(201);
        assertThat(statusWith("confidence_rating", 5)).isEqualTo(201);
        assertThat(statusWith("confidence_rating", 6)).isEqualTo(400);
    }

    @Test
    void datePracticedMayBeAtMostFiveMinutesAhead() {
        Instant now = Instant.now();
        assertThat(statusWith("date_practiced", now.plus(4, ChronoUnit.MINUTES).toString())).isEqualTo(201);
        assertThat(statusWith("date_practiced", now.plus(6, ChronoUnit.MINUTES).toString())).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "skill_id", "date_practiced", "duration", "description" })
    void requiredFieldsAreRequired(String field) {
        Map<String, Object> body = validLog();
        body.remove(field);

        post(body).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of(field)));
    }

    @Test
    void everyViolationIsListedAtOnce() {
        Map<String, Object> body = validLog();
        body.put("duration", 0);
        body.put("description", "short");
        body.put("confidence_rating", 9);

        post(body).statusCode(400)
                .body("violations.field", equalTo(List.of("confidence_rating", "description", "duration")));
    }

    @Test
    void aFractionalDurationIsNotAnInteger() {
        assertThat(statusWith("duration", 30.5)).isEqualTo(400);
        assertThat(statusWith("duration", "30")).isEqualTo(400);
    }

    @Test
    void anUnknownActivityTypeIsRejected() {
        Map<String, Object> body = validLog();
        body.put("activity_type", "sleeping");

        post(body).statusCode(400)
                .body("violations[0].field", equalTo("activity_type"))
                .body("violations[0].message", equalTo("must be one of: practice, project, reading, video, course, exercise"));
    }

    @Test
    void aMilestoneOutsideTheRoadmapIsRejected() {
        Map<String, Object> body = validLog();
        body.put("milestone_id", "m9");

        post(body).statusCode(400).body("violations[0].field", equalTo("milestone_id"));
    }

    @Test
    void aUserIdInTheBodyIsIgnored() {
        Map<String, Object> body = validLog();
        body.put("user_id", UUID.randomUUID().toString());

        post(body).statusCode(201).body("user_id", equalTo(user.toString()));
    }

    @Test
    void publishesPracticeLogCreatedThroughTheOutbox() {
        String id = post(validLog()).statusCode(201).extract().path("id");

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            ConsumerRecord<String, String> record = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 1).get(0);

            assertThat(record.key()).isEqualTo(user.toString());
            assertThat(KafkaProbe.header(record.headers(), "ce_type")).isEqualTo("practice-log.created.v1");
            assertThat(KafkaProbe.header(record.headers(), "ce_source")).isEqualTo("/practice-log-service");
            PracticeLogData data = EventJson.read(record.value(), PracticeLogData.class);
            assertThat(data.duration()).isEqualTo(45);
            assertThat(data.skillId()).isEqualTo(skill);
            assertThat(data.zone()).isEqualTo("UTC");
        }
        assertThat(TestDatabase.count("select count(*) from outbox where subject = ?", id)).isZero();
    }

    private Map<String, Object> validLog() {
        Map<String, Object> body = new HashMap<>();
        body.put("skill_id", skill.toString());
        body.put("date_practiced", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("duration", 45);
        body.put("description", "  Practiced SQL window functions ");
        body.put("difficulty_rating", 3);
        return body;
    }

    private int statusWith(String field, Object value) {
        Map<String, Object> body = validLog();
        body.put(field, value);
        return post(body).extract().statusCode();
    }

    private ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs")
                .then();
    }
}
