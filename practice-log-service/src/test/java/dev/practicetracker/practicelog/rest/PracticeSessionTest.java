package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.practicelog.AdjustableClock;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class PracticeSessionTest {

    @Inject
    AdjustableClock clock;

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user);
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = SkillEvents.skillKnownToService(user);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aCompletedSessionBecomesALogOfTheMeasuredMinutes() {
        String session = start(skill).statusCode(201).body("status", equalTo("active")).body("started_at", notNullValue())
                .extract().path("id");
        clock.advance(Duration.ofMinutes(25).plusSeconds(30));

        complete(session, Map.of("completion", "completed", "description", "Sun salutations, full flow", "confidence_rating", 4))
                .statusCode(201)
                .body("duration", equalTo(25))
                .body("skill_id", equalTo(skill.toString()))
                .body("description", equalTo("Sun salutations, full flow"))
                .body("confidence_rating", equalTo(4));
    }

    @Test
    void aPartialSessionIsLoggedWithADefaultDescription() {
        String session = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(7));

        complete(session, Map.of("completion", "partial")).statusCode(201)
                .body("duration", equalTo(7))
                .body("description", equalTo("Live practice session (7 min)"));
    }

    @Test
    void anAbandonedSessionCreatesNoLog() {
        String session = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(12));

        complete(session, Map.of("completion", "abandoned")).statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("log_id", nullValue());
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    @Test
    void aSessionUnderAMinuteCreatesNoLog() {
        String session = start(skill).statusCode(201).extract().path("id");

        complete(session, Map.of("completion", "completed")).statusCode(200).body("status", equalTo("completed"));
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    @Test
    void oneActiveSessionPerSkill() {
        String session = start(skill).statusCode(201).extract().path("id");

        start(skill).statusCode(409).contentType(LogsApi.PROBLEM_JSON);
        start(SkillEvents.skillKnownToService(user)).statusCode(201);
        complete(session, Map.of("completion", "abandoned")).statusCode(200);
        start(skill).statusCode(201);
    }

    @Test
    void anEndedSessionCannotEndAgain() {
        String session = start(skill).statusCode(201).extract().path("id");
        complete(session, Map.of("completion", "abandoned")).statusCode(200);

        complete(session, Map.of("completion", "completed")).statusCode(409);
    }

    @Test
    void theActiveListAndTheStats() {
        String first = start(skill).statusCode(201).extract().path("id");
        UUID other = SkillEvents.skillKnownToService(user);
        String second = start(other).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        complete(first, Map.of("completion", "completed")).statusCode(201);

        api.request().queryParam("status", "active").when().get("/practice-sessions").then().statusCode(200)
                .body("items.id", equalTo(List.of(second)));
        complete(second, Map.of("completion", "abandoned")).statusCode(200);
        api.request().when().get("/practice-sessions/stats").then().statusCode(200)
                .body("total", equalTo(2)).body("completed", equalTo(1)).body("abandoned", equalTo(1))
                .body("completion_rate", equalTo(0.5f));
        api.request().queryParam("skill_id", skill.toString()).when().get("/practice-sessions/stats").then().statusCode(200)
                .body("total", equalTo(1)).body("completion_rate", equalTo(1.0f));
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String session = start(skill).statusCode(201).extract().path("id");

        new LogsApi(UUID.randomUUID()).request().contentType(ContentType.JSON).body(Map.of("completion", "completed"))
                .when().post("/practice-sessions/" + session + "/complete").then().statusCode(404);
        new LogsApi(UUID.randomUUID()).request().contentType(ContentType.JSON).body(Map.of("skill_id", skill.toString()))
                .when().post("/practice-sessions").then().statusCode(404);
    }

    @Test
    void badRatingsAreRejectedAndTheSessionStaysActive() {
        String session = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(3));

        complete(session, Map.of("completion", "completed", "difficulty_rating", 6)).statusCode(400)
                .body("violations[0].field", equalTo("difficulty_rating"));
        complete(session, Map.of("completion", "sort of")).statusCode(400).body("violations[0].field", equalTo("completion"));
        complete(session, Map.of("completion", "completed")).statusCode(201);
    }

    private ValidatableResponse start(UUID skillId) {
        return api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skillId.toString()))
                .when().post("/practice-sessions").then();
    }

    private ValidatableResponse complete(String session, Map<String, Object> body) {
        return api.request().contentType(ContentType.JSON).body(body).when().post("/practice-sessions/" + session + "/complete").then();
    }
}
