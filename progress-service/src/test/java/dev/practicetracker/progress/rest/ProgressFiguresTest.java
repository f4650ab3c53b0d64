package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.progress.event.ProgressEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ProgressFiguresTest {

    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void tenWeeklySessionsOfNinetyMinutesAreFortyFivePercentIntermediate() {
        UUID skill = publishSkill(user, "SQL");
        for (int week = 9; week >= 0; week--) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today.minusWeeks(week)), 90, 1));
        }

        JsonPath progress = awaitSkill(skill, p -> p.getInt("total_sessions") == 10);

        assertThat(progress.getDouble("progress_percent")).isCloseTo(45, within(3.0));
        assertThat(progress.getString("stage")).isEqualTo("intermediate");
        assertThat(progress.getLong("total_minutes")).isEqualTo(900);
        assertThat(progress.getInt("level")).isEqualTo(2);
        assertThat(progress.getInt("sessions_to_next_level")).isEqualTo(15);
    }

    @Test
    void fiftyDailySessionsOfNinetySixMinutesAreEightyFivePercentAdvanced() {
        UUID skill = publishSkill(user, "Guitar");
        for (int day = 49; day >= 0; day--) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today.minusDays(day)), 96, 1));
        }

        JsonPath progress = awaitSkill(skill, p -> p.getInt("total_sessions") == 50);

        assertThat(progress.getDouble("progress_percent")).isCloseTo(85, within(3.0));
        assertThat(progress.getString("stage")).isEqualTo("advanced");
        assertThat(progress.getInt("current_streak_days")).isEqualTo(50);
        assertThat(progress.getInt("longest_streak_days")).isEqualTo(50);
        assertThat(progress.getInt("sessions_last_7_days")).isEqualTo(7);
        assertThat(progress.getInt("minutes_last_30_days")).isEqualTo(30 * 96);
        assertThat(progress.getString("trend")).isEqualTo("maintaining");
    }

    @Test
    void anUpdateAndADeleteMoveEveryFigure() {
        UUID skill = publishSkill(user, "Chess");
        PracticeLogData first = log(user, skill, day(today), today, 30, 2, 1);
        PracticeLogData second = log(user, skill, day(today.minusDays(1)), today.minusDays(1), 60, 4, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, first);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, second);
        JsonPath before = awaitSkill(skill, p -> p.getInt("total_sessions") == 2);
        assertThat(before.getDouble("average_difficulty")).isEqualTo(3.0);
        assertThat(before.getInt("current_streak_days")).isEqualTo(2);

        publishLog(EventTypes.PRACTICE_LOG_UPDATED, ProgressEvents.withVersion(first, 90, 2));
        JsonPath updated = awaitSkill(skill, p -> p.getLong("total_minutes") == 150);
        assertThat(updated.getDouble("average_minutes")).isEqualTo(75.0);
        assertThat(updated.getInt("minutes_last_7_days")).isEqualTo(150);

        publishLog(EventTypes.PRACTICE_LOG_DELETED, ProgressEvents.changed(second, 60, 2, true));
        JsonPath deleted = awaitSkill(skill, p -> p.getInt("total_sessions") == 1);
        assertThat(deleted.getLong("total_minutes")).isEqualTo(90);
        assertThat(deleted.getDouble("average_difficulty")).isEqualTo(2.0);
        assertThat(deleted.getInt("current_streak_days")).isEqualTo(1);
        assertThat(deleted.getInt("days_since_last_practice")).isZero();
    }

    @Test
    void anUpdateThatMovesALogToAnotherDayEmptiesTheDayItLeft() {
        UUID skill = publishSkill(user, "Juggling");
        PracticeLogData early = log(user, skill, day(today.minusDays(5)), 40, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, early);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today.minusDays(1)), 20, 1));
        JsonPath before = awaitSkill(skill, p -> p.getInt("total_sessions") == 2);
        assertThat(before.getInt("current_streak_days")).isEqualTo(1);
        assertThat(before.getInt("minutes_last_7_days")).isEqualTo(60);

        publishLog(EventTypes.PRACTICE_LOG_UPDATED, ProgressEvents.movedTo(early, day(today), 2));
        JsonPath moved = awaitSkill(skill, p -> p.getInt("current_streak_days") == 2);

        assertThat(moved.getInt("total_sessions")).isEqualTo(2);
        assertThat(moved.getLong("total_minutes")).isEqualTo(60);
        assertThat(moved.getInt("days_since_last_practice")).isZero();
        assertThat(moved.getInt("longest_streak_days")).isEqualTo(2);
        assertThat(Instant.parse(moved.getString("first_practiced_at"))).isEqualTo(day(today.minusDays(1)));
        JsonPath week = given().auth().oauth2(TestTokens.forUser(user)).queryParam("skill_id", skill)
                .queryParam("from", today.minusDays(6).toString()).queryParam("to", today.toString())
                .when().get("/progress/calendar").then().statusCode(200).extract().jsonPath();
        assertThat(week.getList("items.minutes", Integer.class)).containsExactly(0, 0, 0, 0, 0, 20, 40);
    }

    @Test
    void aStreakThatLapsedYesterdayReadsZeroToday() {
        UUID skill = publishSkill(user, "Drums");
        for (int day = 4; day >= 2; day--) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today.minusDays(day)), 20, 1));
        }

        JsonPath progress = awaitSkill(skill, p -> p.getInt("total_sessions") == 3);

        assertThat(progress.getInt("current_streak_days")).isZero();
        assertThat(progress.getInt("longest_streak_days")).isEqualTo(3);
        assertThat(progress.getInt("days_since_last_practice")).isEqualTo(2);
    }

    @Test
    void todayIsTheReadersDayInTheirZone() {
        // Kiritimati (UTC+14) is always at least a calendar day ahead of Pago Pago (UTC-11)
        ZoneId behind = ZoneId.of("Pacific/Pago_Pago");
        ZoneId ahead = ZoneId.of("Pacific/Kiritimati");
        LocalDate yesterdayBehind = LocalDate.now(behind).minusDays(1);
        UUID skill = publishSkill(user, "Yoga");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, yesterdayBehind.atTime(12, 0).atZone(behind).toInstant(),
                yesterdayBehind, 30, null, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);

        given().auth().oauth2(TestTokens.forUser(user, behind.getId())).when().get("/progress/skills/" + skill)
                .then().statusCode(200).body("current_streak_days", equalTo(1));
        given().auth().oauth2(TestTokens.forUser(user, ahead.getId())).when().get("/progress/skills/" + skill)
                .then().statusCode(200).body("current_streak_days", equalTo(0));
    }

    @Test
    void theUserStreakRunsAcrossSkills() {
        UUID piano = publishSkill(user, "Piano");
        UUID violin = publishSkill(user, "Violin");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, piano, day(today.minusDays(2)), 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, violin, day(today.minusDays(1)), 45, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, piano, day(today), 20, 1));

        JsonPath overview = await().atMost(Duration.ofSeconds(30)).until(this::overview, o -> o.getInt("user.total_sessions") == 3);

        assertThat(overview.getInt("user.current_streak_days")).isEqualTo(3);
        assertThat(overview.getBoolean("user.practiced_today")).isTrue();
        assertThat(overview.getLong("user.minutes_last_30_days")).isEqualTo(95);
        assertThat(overview.getList("skills.skill_name")).containsExactly("Piano", "Violin");
        assertThat(overview.getList("skills.current_streak_days")).containsExactly(1, 1);
    }

    @Test
    void milestonesCompletedOutOfTheRoadmap() {
        UUID skill = publishSkill(user, "Pottery", null, "m1", "m2", "m3");
        ProgressEvents.publishMilestone(user, skill, "m1", "in_progress", 1);
        ProgressEvents.publishMilestone(user, skill, "m1", "completed", 2);
        ProgressEvents.publishMilestone(user, skill, "m2", "completed", 1);
        ProgressEvents.publishMilestone(user, skill, "m1", "in_progress", 1);

        JsonPath progress = awaitSkill(skill, p -> p.getInt("milestones_completed") == 2);

        assertThat(progress.getInt("milestones_total")).isEqualTo(3);
    }

    @Test
    void aTargetIsReachedAtItsHours() {
        UUID skill = publishSkill(user, "Typing", 2);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 60, 1));
        // the skill and the log travel on two topics: whichever progress applies first, the figure ends at half the target
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1 && p.getDouble("progress_percent") == 50.0);

        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 60, 1));
        assertThat(awaitSkill(skill, p -> p.getInt("total_sessions") == 2).getDouble("progress_percent")).isEqualTo(100.0);
    }

    @Test
    void aDeletedSkillsAnalyticsAreGone() {
        UUID skill = publishSkill(user, "Fencing");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 30, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);

        ProgressEvents.publishSkillState(ProgressEvents.skill(skill, user, "Fencing", null, 2, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(skill) == 404);
        await().atMost(Duration.ofSeconds(30)).until(() -> overview().getInt("user.total_sessions") == 0);
    }

    @Test
    void summariesIncludeEmptyBuckets() {
        UUID skill = publishSkill(user, "Spanish");
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(monday), 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(monday.minusWeeks(2)), 45, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 2);

        JsonPath summary = given().auth().oauth2(TestTokens.forUser(user)).queryParam("period", "week")
                .queryParam("from", monday.minusWeeks(3).toString()).queryParam("to", today.toString())
                .when().get("/progress/skills/" + skill + "/summary").then().statusCode(200).extract().jsonPath();

        assertThat(summary.getList("items.period_start")).containsExactly(monday.minusWeeks(3).toString(),
                monday.minusWeeks(2).toString(), monday.minusWeeks(1).toString(), monday.toString());
        assertThat(summary.getList("items.minutes", Integer.class)).containsExactly(0, 45, 0, 30);
        given().auth().oauth2(TestTokens.forUser(user)).queryParam("period", "fortnight")
                .when().get("/progress/skills/" + skill + "/summary").then().statusCode(400).body("violations[0].field", equalTo("period"));
    }

    @Test
    void theCalendarHasOneEntryPerDay() {
        UUID skill = publishSkill(user, "Running");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today.minusDays(3)), 25, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);

        JsonPath calendar = given().auth().oauth2(TestTokens.forUser(user)).queryParam("from", today.minusDays(6).toString())
                .queryParam("to", today.toString()).when().get("/progress/calendar").then().statusCode(200).extract().jsonPath();

        assertThat(calendar.getList("items.date")).hasSize(7).first().isEqualTo(today.minusDays(6).toString());
        assertThat(calendar.getList("items.minutes", Integer.class)).containsExactly(0, 0, 0, 25, 0, 0, 0);
    }

    @Test
    void remindersNameTheSkillsLeftAlone() {
        UUID fresh = publishSkill(user, "Fresh");
        UUID stale = publishSkill(user, "Stale");
        UUID never = publishSkill(user, "Never");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, fresh, day(today), 20, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, stale, day(today.minusDays(10)), 20, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> overview().getInt("user.total_sessions") == 2
                && overview().getList("skills").size() == 3);

        given().auth().oauth2(TestTokens.forUser(user)).queryParam("days", 7).when().get("/progress/reminders").then().statusCode(200)
                .body("items.skill_id", equalTo(List.of(never.toString(), stale.toString())))
                .body("items[1].days_since_last_practice", equalTo(10));
    }

    @Test
    void weeklyGoalsShowThisWeeksAttainment() {
        UUID skill = publishSkill(user, "Drawing");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 60, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);

        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("weekly_minutes", 120, "weekly_sessions", 1))
                .when().put("/progress/goals").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("minutes_this_week", equalTo(60))
                .body("minutes_attained_percent", equalTo(50.0f))
                .body("sessions_attained_percent", equalTo(100.0f))
                .body("met", equalTo(false));
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON).body(Map.of("weekly_minutes", 0))
                .when().put("/progress/goals").then().statusCode(400).body("violations[0].field", equalTo("weekly_minutes"));
        given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/goals").then().statusCode(200)
                .body("weekly_minutes", equalTo(120));
    }

    @Test
    void aSkillsWeeklyGoalShowsThisWeeksAttainmentUntilItIsRemoved() {
        UUID skill = publishSkill(user, "Singing");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 60, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);
        String token = TestTokens.forUser(user);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("weekly_minutes", 90))
                .when().put("/progress/skills/" + skill + "/goal").then().statusCode(200)
                .body("goal.weekly_minutes", equalTo(90)).body("goal.weekly_sessions", nullValue())
                .body("goal.minutes_this_week", equalTo(60)).body("goal.sessions_this_week", equalTo(1)).body("goal.met", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("weekly_minutes", 60, "weekly_sessions", 1))
                .when().put("/progress/skills/" + skill + "/goal").then().statusCode(200).body("goal.met", equalTo(true));
        given().auth().oauth2(token).when().get("/progress/skills/" + skill).then().statusCode(200)
                .body("goal.weekly_minutes", equalTo(60)).body("goal.week_start", equalTo(today.with(java.time.DayOfWeek.MONDAY).toString()));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of()).when().put("/progress/skills/" + skill + "/goal")
                .then().statusCode(400).body("violations[0].field", equalTo("weekly_minutes"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("weekly_sessions", 101))
                .when().put("/progress/skills/" + skill + "/goal").then().statusCode(400);
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of("weekly_minutes", 30))
                .when().put("/progress/skills/" + skill + "/goal").then().statusCode(404);

        given().auth().oauth2(token).when().delete("/progress/skills/" + skill + "/goal").then().statusCode(204);
        given().auth().oauth2(token).when().delete("/progress/skills/" + skill + "/goal").then().statusCode(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token).when().get("/progress/skills/" + skill)
                .then().statusCode(200).body("goal", nullValue()));
    }

    @Test
    void anErasedUserHasNoProgressLeft() {
        UUID skill = publishSkill(user, "Forgotten");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 30, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);

        Instant beforeErasure = Instant.now();
        ProgressEvents.publishErasure(user);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : List.of("log_facts", "skill_days", "skill_progress", "user_progress", "skills", "goals", "milestone_status")) {
                assertThat(TestDatabase.count("select count(*) from " + table + " where user_id = ?", user)).as(table).isZero();
            }
        });
        ProgressEvents.publishLogAt(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 30, 1), beforeErasure);
        UUID marker = publishSkill(UUID.randomUUID(), "Someone later");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", marker) == 1);
        assertThat(TestDatabase.count("select count(*) from log_facts where user_id = ?", user)).isZero();
    }

    @Test
    void aLogEventFromBeforeTheUsersErasureIsLeftOutAndOneFromAfterItIsApplied() {
        UUID skill = publishSkill(user, "Forgotten");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, day(today), 30, 1));
        awaitSkill(skill, p -> p.getInt("total_sessions") == 1);
        Instant beforeErasure = Instant.now();
        ProgressEvents.publishErasure(user);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDatabase.count("select count(*) from log_facts where user_id = ?", user) == 0);

        PracticeLogData late = log(user, skill, day(today), 45, 1);
        PracticeLogData afterwards = log(user, UUID.randomUUID(), day(today), 20, 1);
        ProgressEvents.publishLogAt(EventTypes.PRACTICE_LOG_CREATED, late, beforeErasure);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, afterwards);

        // one user's events share a partition: once the later one is applied, the earlier one was read
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDatabase.count("select count(*) from log_facts where log_id = ?", afterwards.id()) == 1);
        assertThat(TestDatabase.count("select count(*) from log_facts where log_id = ?", late.id())).isZero();
        assertThat(TestDatabase.count("select count(*) from skill_progress where skill_id = ?", skill)).isZero();
    }

    private static Instant day(LocalDate day) {
        return day.atTime(7, 0).toInstant(ZoneOffset.UTC);
    }

    private JsonPath awaitSkill(UUID skill, Predicate<JsonPath> reached) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, progress -> progress != null && reached.test(progress));
    }

    private JsonPath overview() {
        return given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress").then().statusCode(200).extract().jsonPath();
    }

    private int status(UUID skill) {
        return given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill).statusCode();
    }

}
