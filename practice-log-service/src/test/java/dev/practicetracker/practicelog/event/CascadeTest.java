package dev.practicetracker.practicelog.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.events.UserErasedData;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class CascadeTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void aDeletedSkillTakesItsLogsAndEachDeletionIsPublished() {
        UUID skill = SkillEvents.skillKnownToService(user);
        UUID kept = SkillEvents.skillKnownToService(user);
        String first = log(skill);
        String second = log(skill);
        String other = log(kept);
        startSession(skill);

        SkillEvents.publish(EventTypes.SKILL_DELETED, SkillEvents.skill(skill, user, 2, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows("practice_logs where skill_id = ?", skill) == 0);
        assertThat(rows("practice_sessions where skill_id = ?", skill)).isZero();
        assertThat(rows("practice_logs where id = ?", UUID.fromString(other))).isEqualTo(1);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            List<String> deleted = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "practice-log.deleted.v1")
                    .and(record -> EventJson.read(record.value(), PracticeLogData.class).skillId().equals(skill)), 2)
                    .stream().map(record -> KafkaProbe.header(record.headers(), "ce_subject")).toList();
            assertThat(deleted).containsExactlyInAnyOrder(first, second);
        }
        List<String> feed = RestAssured.given().auth().oauth2(TestTokens.forUser(user)).when().get("/practice-logs/changes")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.op == 'delete' }.id");
        assertThat(feed).as("the change feed's tombstones").containsExactlyInAnyOrder(first, second);
        post(Map.of("skill_id", skill.toString(), "date_practiced", Instant.now().toString(), "duration", 10,
                "description", "After the skill was deleted")).then().statusCode(404);
    }

    @Test
    void anErasedUserLeavesNothingBehind() {
        UUID skill = SkillEvents.skillKnownToService(user);
        RestAssured.given().auth().oauth2(TestTokens.forUser(user)).when().delete("/practice-logs/" + log(skill)).then().statusCode(204);
        log(skill);
        startSession(skill);

        KafkaProbe.publish(Topics.USER_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service", EventTypes.USER_ERASED,
                user.toString(), Instant.now(), user), new UserErasedData(user));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : List.of("practice_logs", "practice_sessions", "known_skills", "log_feeds", "log_tombstones")) {
                assertThat(rows(table + " where user_id = ?", user)).as(table).isZero();
            }
        });
    }

    @Test
    void aLateSkillEventOfAnErasedUserBringsNothingBack() {
        UUID skill = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(60);
        KafkaProbe.publish(Topics.USER_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service", EventTypes.USER_ERASED,
                user.toString(), Instant.now(), user), new UserErasedData(user));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from erased_users") > 0);

        KafkaProbe.publish(Topics.SKILL_EVENTS, new EventEnvelope(UUID.randomUUID(), "/skills-service", EventTypes.SKILL_CREATED,
                skill.toString(), before, user), SkillEvents.skill(skill, user, 1, false));
        // a later skill of a live user on the same topic proves the late event was consumed
        SkillEvents.skillKnownToService(UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> rows("known_skills where id = ?", skill) == 0);
        assertThat(rows("known_skills where user_id = ?", user)).isZero();
    }

    private String log(UUID skill) {
        return post(Map.of("skill_id", skill.toString(), "date_practiced", Instant.now().minusSeconds(600).toString(),
                "duration", 20, "description", "Practice to be cascaded")).then().statusCode(201).extract().path("id");
    }

    private void startSession(UUID skill) {
        RestAssured.given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("skill_id", skill.toString())).when().post("/practice-sessions").then().statusCode(201);
    }

    private io.restassured.response.Response post(Map<String, Object> body) {
        return RestAssured.given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON).body(body)
                .when().post("/practice-logs");
    }

    private static long rows(String tableAndCondition, Object parameter) {
        return TestDatabase.count("select count(*) from " + tableAndCondition, parameter);
    }
}
