package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.AdjustableClock;
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
    void theExportHoldsEverySessionOfTheCallerNewestFirstAndNoOneElses() {
        String first = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        complete(first, Map.of("completion", "completed")).statusCode(201);
        String second = start(skill).statusCode(201).extract().path("id");
        LogsApi stranger = new LogsApi(UUID.randomUUID());
        stranger.request().contentType(ContentType.JSON).body(Map.of("skill_id", SkillEvents.skillKnownToService(stranger.user()).toString()))
                .when().post("/practice-sessions").then().statusCode(201);

        api.request().when().get("/practice-sessions/export").then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(List.of(second, first))).body("status", equalTo(List.of("active", "completed")));
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

    @Test
    void aSessionPausedForTenOfFortyMinutesRecordsThirty() {
        String session = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(15));
        post(session, "pause").statusCode(200).body("status", equalTo("paused")).body("paused_at", notNullValue());
        clock.advance(Duration.ofMinutes(10));
        post(session, "resume").statusCode(200).body("status", equalTo("active")).body("paused_at", nullValue())
                .body("paused_minutes", equalTo(10));
        clock.advance(Duration.ofMinutes(15));

        complete(session, Map.of("completion", "completed")).statusCode(201).body("duration", equalTo(30));
        sessions(Map.of("status", "completed")).body("items[0].practised_minutes", equalTo(30))
                .body("items[0].paused_minutes", equalTo(10));
    }

    @Test
    void aSessionEndedWhilePausedLeavesTheOpenPauseOut() {
        String session = start(skill).statusCode(201).extract().path("id");
        clock.advance(Duration.ofMinutes(20));
        post(session, "pause").statusCode(200);
        clock.advance(Duration.ofMinutes(30));

        complete(session, Map.of("completion", "partial")).statusCode(201).body("duration", equalTo(20));
    }

    @Test
    void withPlannedMinutesTheCompletionFollowsWhatWasPractised() {
        assertThat(endAfter(60, 60)).isEqualTo("completed");
        assertThat(endAfter(60, 31)).isEqualTo("partial");
        assertThat(endAfter(60, 30)).isEqualTo("abandoned");
        assertThat(endAfter(10, 25)).isEqualTo("completed");
    }

    @Test
    void withoutPlannedMinutesTheCompletionIsRequired() {
        String session = start(skill).statusCode(201).body("planned_minutes", nullValue()).extract().path("id");
        clock.advance(Duration.ofMinutes(5));

        complete(session, Map.of()).statusCode(400).body("violations[0].field", equalTo("completion"));
        complete(session, Map.of("completion", "completed")).statusCode(201);
    }

    @Test
    void plannedMinutesOutsideALogsRangeAreRefused() {
        start(skill, Map.of("planned_minutes", 0)).statusCode(400).body("violations[0].field", equalTo("planned_minutes"));
        start(skill, Map.of("planned_minutes", 1441)).statusCode(400).body("violations[0].field", equalTo("planned_minutes"));
    }

    @Test
    void onlyAnActiveSessionPausesAndOnlyAPausedOneResumes() {
        String session = start(skill).statusCode(201).extract().path("id");

        post(session, "resume").statusCode(409).contentType(LogsApi.PROBLEM_JSON);
        post(session, "pause").statusCode(200);
        post(session, "pause").statusCode(409);
        start(skill).statusCode(409); // a paused session is still the skill's live one
        complete(session, Map.of("completion", "abandoned")).statusCode(200);
        post(session, "pause").statusCode(409);
        post(session, "resume").statusCode(409);
        new LogsApi(UUID.randomUUID()).request().when().post("/practice-sessions/" + session + "/pause").then().statusCode(404);
    }

    @Test
    void pagesCoverEverySessionExactlyOnceWhileNewOnesStart() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String session = start(skill).statusCode(201).extract().path("id");
            clock.advance(Duration.ofMinutes(1));
            complete(session, Map.of("completion", "abandoned")).statusCode(200);
            existing.add(0, session);
        }
        UUID other = SkillEvents.skillKnownToService(user);
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger startedMeanwhile = new AtomicInteger();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        List<String> seen = new ArrayList<>();
        try {
            ValidatableResponse page = sessions(Map.of("limit", 3));
            // from the first page on, another client keeps starting sessions: each newer than every page
            Future<?> starting = starter.submit(() -> {
                while (paging.get()) {
                    String started = start(other).statusCode(201).extract().path("id");
                    complete(started, Map.of("completion", "abandoned")).statusCode(200);
                    startedMeanwhile.incrementAndGet();
                }
            });
            while (true) {
                seen.addAll(page.extract().path("items.id"));
                String cursor = page.extract().path("next_cursor");
                if (cursor == null) {
                    break;
                }
                int before = startedMeanwhile.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> startedMeanwhile.get() > before);
                page = sessions(Map.of("limit", 3, "cursor", cursor));
            }
            paging.set(false);
            starting.get(30, TimeUnit.SECONDS);
        } finally {
            paging.set(false);
            starter.shutdownNow();
        }

        assertThat(seen).containsExactlyElementsOf(existing);
        assertThat(startedMeanwhile.get()).isPositive();
    }

    @Test
    void theListFiltersBySkillStatusAndDay() {
        String first = start(skill).statusCode(201).extract().path("id");
        UUID other = SkillEvents.skillKnownToService(user);
        String second = start(other).statusCode(201).extract().path("id");
        post(second, "pause").statusCode(200);

        sessions(Map.of("skill_id", other.toString())).body("items.id", equalTo(List.of(second)));
        sessions(Map.of("status", "paused")).body("items.id", equalTo(List.of(second)));
        sessions(Map.of("status", "active")).body("items.id", equalTo(List.of(first)));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        sessions(Map.of("from", today, "to", today)).body("items", hasSize(2));
        sessions(Map.of("from", tomorrow)).body("items", empty());
        api.request().queryParam("status", "sleeping").when().get("/practice-sessions").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void theStatsAverageThePractisedMinutesOfEndedSessions() {
        assertThat(endAfter(60, 20)).isEqualTo("abandoned");
        assertThat(endAfter(60, 45)).isEqualTo("partial");
        start(skill).statusCode(201);

        api.request().when().get("/practice-sessions/stats").then().statusCode(200)
                .body("total", equalTo(2)).body("average_minutes", equalTo(32.5f));
    }

    /** Starts a session planned for {@code planned} minutes, practises {@code practised}, ends it without a completion. */
    private String endAfter(int planned, int practised) {
        String session = start(skill, Map.of("planned_minutes", planned)).statusCode(201).body("planned_minutes", equalTo(planned))
                .extract().path("id");
        clock.advance(Duration.ofMinutes(practised).plusSeconds(20));
        complete(session, Map.of()).statusCode(practised * 2 > planned ? 201 : 200);
        return api.request().when().get("/practice-sessions?limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(session)).body("items[0].practised_minutes", equalTo(practised))
                .extract().path("items[0].status");
    }

    private ValidatableResponse start(UUID skillId, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("skill_id", skillId.toString());
        return api.request().contentType(ContentType.JSON).body(body).when().post("/practice-sessions").then();
    }

    private ValidatableResponse post(String session, String action) {
        return api.request().when().post("/practice-sessions/" + session + "/" + action).then();
    }

    private ValidatableResponse sessions(Map<String, Object> query) {
        return api.request().queryParams(query).when().get("/practice-sessions").then().statusCode(200);
    }

    private ValidatableResponse start(UUID skillId) {
        return api.request().contentType(ContentType.JSON).body(Map.of("skill_id", skillId.toString()))
                .when().post("/practice-sessions").then();
    }

    private ValidatableResponse complete(String session, Map<String, Object> body) {
        return api.request().contentType(ContentType.JSON).body(body).when().post("/practice-sessions/" + session + "/complete").then();
    }
}
