package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The settings and breaks that shape streaks, through the API: each change shows in every streak
 * figure (the skill's, the user's, the badge's, the calendar's {@code skipped}) at the caller's next
 * read, and still after a rebuild of the projection from the events.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class StreakRulesApiTest {

    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aSkipDayJoinsTheStreakEverywhereAtOnceAndItsRemovalSplitsItAgain() {
        UUID skill = publishSkill(user, "Cello");
        LocalDate skipped = today.minusDays(5);
        for (LocalDate day = today.minusDays(10); !day.isAfter(today); day = day.plusDays(1)) {
            if (!day.equals(skipped)) {
                publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(day), 30, 1));
            }
        }
        awaitSkill(skill, progress -> progress.getInt("total_sessions") == 10);
        assertStreaks(skill, 5, 5);

        JsonPath added = given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("from", skipped.toString(), "to", skipped.toString(), "reason", "Travel"))
                .when().put("/progress/skip-days").then().statusCode(201).extract().jsonPath();
        assertThat(added.getString("from")).isEqualTo(skipped.toString());
        assertThat(added.getString("reason")).isEqualTo("Travel");
        assertStreaks(skill, 10, 10);
        assertThat(given().auth().oauth2(token()).when().get("/progress/badge.svg").then().statusCode(200).extract().asString())
                .contains("10");
        List<Map<String, Object>> calendar = given().auth().oauth2(token()).queryParam("from", skipped.minusDays(1).toString())
                .queryParam("to", skipped.plusDays(1).toString()).when().get("/progress/calendar").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(calendar).extracting(day -> day.get("skipped")).containsExactly(false, true, false);

        // the same days again are the same break, with the new reason
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("from", skipped.toString(), "to", skipped.toString(), "reason", "Still travelling"))
                .when().put("/progress/skip-days").then().statusCode(200).body("id", equalTo(added.getString("id")));
        given().auth().oauth2(token()).queryParam("from", today.minusDays(30).toString()).when().get("/progress/skip-days")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items.reason", hasItem("Still travelling"));
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().delete("/progress/skip-days/" + added.getString("id"))
                .then().statusCode(404);

        given().auth().oauth2(token()).when().delete("/progress/skip-days/" + added.getString("id")).then().statusCode(204);
        assertStreaks(skill, 5, 5);
        given().auth().oauth2(token()).when().delete("/progress/skip-days/" + added.getString("id")).then().statusCode(404);
    }

    @Test
    void aDayShortOfTheMinutesToCountBreaksTheStreakAndRestWeekdaysCarryIt() {
        UUID skill = publishSkill(user, "Rowing");
        // every weekday of the last four full weeks, 30 minutes, but 10 on the last Wednesday
        LocalDate lastSunday = today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        LocalDate shortDay = lastSunday.minusDays(4);
        int logs = 0;
        for (LocalDate day = lastSunday.minusDays(27); !day.isAfter(lastSunday); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(day), day.equals(shortDay) ? 10 : 30, 1));
                logs++;
            }
        }
        int sessions = logs;
        awaitSkill(skill, progress -> progress.getInt("total_sessions") == sessions);
        assertThat(skillProgress(skill).getInt("longest_streak_days")).isEqualTo(5);

        putSettings(Map.of("rest_weekdays", List.of("saturday", "sunday")))
                .body("rest_weekdays", equalTo(List.of("saturday", "sunday"))).body("streak_min_minutes", equalTo(1));
        assertThat(skillProgress(skill).getInt("longest_streak_days")).isEqualTo(20);
        assertThat(overview().getInt("user.longest_streak_days")).isEqualTo(20);

        putSettings(Map.of("rest_weekdays", List.of("saturday", "sunday"), "streak_min_minutes", 20)).body("streak_min_minutes", equalTo(20));
        // the short Wednesday of the last week splits the four: its Thursday and Friday after it, seventeen days before
        assertThat(skillProgress(skill).getInt("longest_streak_days")).isEqualTo(17);
        assertThat(overview().getInt("user.longest_streak_days")).isEqualTo(17);
        given().auth().oauth2(token()).when().get("/progress/settings").then().statusCode(200)
                .body("streak_min_minutes", equalTo(20)).body("reminders.enabled", equalTo(false));
    }

    @Test
    void theRulesStillShapeTheFiguresAfterARebuild() {
        UUID skill = publishSkill(user, "Fencing");
        LocalDate skipped = today.minusDays(2);
        for (LocalDate day = today.minusDays(4); !day.isAfter(today); day = day.plusDays(1)) {
            if (!day.equals(skipped)) {
                publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(day), 30, 1));
            }
        }
        awaitSkill(skill, progress -> progress.getInt("total_sessions") == 4);
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("from", skipped.toString(), "to", skipped.toString()))
                .when().put("/progress/skip-days").then().statusCode(201);
        assertStreaks(skill, 4, 4);

        given().auth().oauth2(TestTokens.withGroups(UUID.randomUUID(), "admin")).when().post("/progress/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from skill_progress where skill_id = ? and total_sessions = 4", skill) == 1);
        assertStreaks(skill, 4, 4);
    }

    @Test
    void badRulesAreRefusedAndChangeNothing() {
        putSettings(Map.of("streak_min_minutes", 30)).body("streak_min_minutes", equalTo(30));
        for (Map<String, Object> bad : List.<Map<String, Object>> of(Map.of("streak_min_minutes", 0), Map.of("streak_min_minutes", 1441),
                Map.of("rest_weekdays", List.of("funday")), Map.of("rest_weekdays", List.of("Monday")),
                Map.of("rest_weekdays", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")))) {
            given().auth().oauth2(token()).contentType(ContentType.JSON).body(bad).when().put("/progress/settings").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(token()).when().get("/progress/settings").then().body("streak_min_minutes", equalTo(30));

        for (Map<String, Object> bad : List.<Map<String, Object>> of(Map.of("from", today.toString(), "to", today.minusDays(1).toString()),
                Map.of("from", today.toString(), "to", today.plusDays(366).toString()), Map.of("from", today.toString()),
                Map.of("from", "someday", "to", today.toString()), Map.of("from", "+10000-01-01", "to", "+10000-01-02"),
                Map.of("from", today.toString(), "to", today.toString(), "reason", "x".repeat(201)),
                Map.of("from", today.toString(), "to", today.toString(), "reason", "a\u0000b"))) {
            given().auth().oauth2(token()).contentType(ContentType.JSON).body(bad).when().put("/progress/skip-days").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("from", today.toString(), "to", today.plusDays(365).toString())).when().put("/progress/skip-days").then()
                .statusCode(201);
        assertThat(TestDatabase.count("select count(*) from skip_days where user_id = ?", user)).isEqualTo(1);
    }

    private void assertStreaks(UUID skill, int current, int longest) {
        JsonPath progress = skillProgress(skill);
        assertThat(progress.getInt("current_streak_days")).as("the skill's current streak").isEqualTo(current);
        assertThat(progress.getInt("longest_streak_days")).as("the skill's longest streak").isEqualTo(longest);
        JsonPath overview = overview();
        assertThat(overview.getInt("user.current_streak_days")).as("the user's current streak").isEqualTo(current);
        assertThat(overview.getInt("user.longest_streak_days")).as("the user's longest streak").isEqualTo(longest);
    }

    private io.restassured.response.ValidatableResponse putSettings(Map<String, Object> settings) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(settings).when().put("/progress/settings").then()
                .statusCode(200);
    }

    private String token() {
        return TestTokens.forUser(user);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(7, 0).toInstant(ZoneOffset.UTC);
    }

    private JsonPath skillProgress(UUID skill) {
        return given().auth().oauth2(token()).when().get("/progress/skills/" + skill).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath overview() {
        return given().auth().oauth2(token()).when().get("/progress").then().statusCode(200).extract().jsonPath();
    }

    private void awaitSkill(UUID skill, Predicate<JsonPath> reached) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth().oauth2(token()).when().get("/progress/skills/" + skill);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, progress -> progress != null && reached.test(progress));
    }
}
