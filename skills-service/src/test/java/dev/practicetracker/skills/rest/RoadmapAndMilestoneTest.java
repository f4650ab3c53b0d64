package dev.practicetracker.skills.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.MilestoneData;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class RoadmapAndMilestoneTest {

    private final UUID user = UUID.randomUUID();
    private final SkillsApi api = new SkillsApi(user);
    private String skill;

    @BeforeEach
    void aSkill() {
        skill = api.createSkill("Guitar " + UUID.randomUUID());
    }

    @Test
    void aRoadmapIsStoredWholeAndBumpsTheSkillVersion() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200)
                .header("ETag", "\"2\"")
                .body("roadmap.levels[0].milestones[1].id", equalTo("m2"))
                .body("roadmap.levels[1].milestones[0].do_this_now.prompt", equalTo("Play Barre chords slowly"))
                .body("roadmap.levels[1].milestones[0].estimated_minutes", equalTo(30));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            var updated = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "skill.updated.v1")
                    .and(KafkaProbe.withHeader("ce_subject", skill)), 1).get(0);
            assertThat(EventJson.read(updated.value(), SkillData.class).roadmap().milestones()).hasSize(3);
        }
    }

    @Test
    void aRoadmapHasItsDifficultyAndTheSumOfItsEstimates() {
        Map<String, Object> roadmap = new HashMap<>(SkillsApi.roadmap());
        roadmap.put("difficulty", "intermediate");

        api.putRoadmap(skill, roadmap).statusCode(200)
                .body("roadmap.difficulty", equalTo("intermediate"))
                .body("roadmap.total_estimated_minutes", equalTo(90));
        api.get(skill).statusCode(200).body("roadmap.total_estimated_minutes", equalTo(90));
        roadmap.put("difficulty", "legendary");
        api.putRoadmap(skill, roadmap).statusCode(400).body("violations[0].field", equalTo("difficulty"));
    }

    @Test
    void aRoadmapWithoutEstimatesTotalsZeroAndOneWithoutDifficultyHasNone() {
        Map<String, Object> roadmap = Map.of("levels", List.of(Map.of("level", 1, "title", "One",
                "milestones", List.of(Map.of("id", "m1", "title", "Unestimated")))));

        api.putRoadmap(skill, roadmap).statusCode(200)
                .body("roadmap.difficulty", nullValue())
                .body("roadmap.total_estimated_minutes", equalTo(0));
    }

    @Test
    void aDuplicateMilestoneIdIsRejectedByItsPath() {
        Map<String, Object> roadmap = Map.of("levels", List.of(
                Map.of("level", 1, "title", "One", "milestones", List.of(SkillsApi.milestone("m1", "First"))),
                Map.of("level", 2, "title", "Two", "milestones", List.of(SkillsApi.milestone("m1", "Again")))));

        api.putRoadmap(skill, roadmap).statusCode(400)
                .contentType(SkillsApi.PROBLEM_JSON)
                .body("violations[0].field", equalTo("levels[1].milestones[0].id"))
                .body("violations[0].message", equalTo("milestone id m1 is already used at levels[0].milestones[0].id"));
        api.get(skill).statusCode(200).body("roadmap", nullValue()).body("version", equalTo(1));
    }

    @Test
    void everyBadFieldOfARoadmapIsNamed() {
        Map<String, Object> badMilestone = Map.of("id", "m 1", "title", "", "estimated_minutes", 0,
                "do_this_now", Map.of("prompt", "x", "reps", 0));
        Map<String, Object> roadmap = Map.of("levels", List.of(
                Map.of("level", 11, "title", "Too high", "milestones", List.of(badMilestone))));

        api.putRoadmap(skill, roadmap).statusCode(400).body("violations.field", equalTo(List.of(
                "levels[0].level",
                "levels[0].milestones[0].do_this_now.reps",
                "levels[0].milestones[0].estimated_minutes",
                "levels[0].milestones[0].id",
                "levels[0].milestones[0].title")));
    }

    @Test
    void atMostTenLevels() {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int level = 1; level <= 11; level++) {
            levels.add(Map.of("level", Math.min(level, 10), "title", "L" + level, "milestones", List.of(SkillsApi.milestone("m" + level, "M"))));
        }

        api.putRoadmap(skill, Map.of("levels", levels)).statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("levels"));
        api.putRoadmap(skill, Map.of("levels", levels.subList(0, 10))).statusCode(200);
    }

    @Test
    void milestonesStartNotStarted() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);

        api.milestones(skill).statusCode(200)
                .body("items.id", equalTo(List.of("m1", "m2", "m3")))
                .body("items.level", equalTo(List.of(1, 1, 2)))
                .body("items.status", equalTo(List.of("not_started", "not_started", "not_started")))
                .body("items.practice_minutes", equalTo(List.of(0, 0, 0)))
                .body("items[0].started_at", nullValue());
    }

    @Test
    void transitionsStampStartAndCompletion() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);

        api.patchMilestone(skill, "m1", Map.of("status", "in_progress", "notes", "going")).statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("notes", equalTo("going"))
                .body("started_at", notNullValue())
                .body("completed_at", nullValue())
                .body("version", equalTo(1));
        api.patchMilestone(skill, "m1", Map.of("status", "completed")).statusCode(200)
                .body("status", equalTo("completed"))
                .body("notes", equalTo("going"))
                .body("completed_at", notNullValue())
                .body("version", equalTo(2));
    }

    @Test
    void aFailedMilestoneCanBeRetried() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        api.patchMilestone(skill, "m2", Map.of("status", "in_progress")).statusCode(200);
        String firstStart = api.patchMilestone(skill, "m2", Map.of("status", "failed")).statusCode(200)
                .body("completed_at", nullValue()).extract().path("started_at");

        api.patchMilestone(skill, "m2", Map.of("status", "in_progress")).statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("started_at", org.hamcrest.Matchers.not(equalTo(firstStart)));
    }

    @Test
    void skippingAStepIsAConflict() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);

        api.patchMilestone(skill, "m1", Map.of("status", "completed")).statusCode(409).contentType(SkillsApi.PROBLEM_JSON);
        api.patchMilestone(skill, "m1", Map.of("status", "finished")).statusCode(400).body("violations[0].field", equalTo("status"));
        api.patchMilestone(skill, "m9", Map.of("status", "in_progress")).statusCode(404);
    }

    @Test
    void aStatusChangePublishesMilestoneUpdated() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        api.patchMilestone(skill, "m3", Map.of("status", "in_progress")).statusCode(200);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            var event = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "milestone.updated.v1")
                    .and(KafkaProbe.withHeader("ce_subject", skill + "/m3")), 1).get(0);
            MilestoneData data = EventJson.read(event.value(), MilestoneData.class);
            assertThat(data.status()).isEqualTo("in_progress");
            assertThat(data.milestonesTotal()).isEqualTo(3);
            assertThat(data.milestonesCompleted()).isZero();
            assertThat(KafkaProbe.header(event.headers(), "ce_userid")).isEqualTo(user.toString());
        }
    }

    @Test
    void practiceMinutesAreTheSumOfTheLogsThatNamedTheMilestone() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        PracticeLogData first = log("m1", 20, 1);
        publish(EventTypes.PRACTICE_LOG_CREATED, first);
        publish(EventTypes.PRACTICE_LOG_CREATED, log("m1", 25, 1));
        publish(EventTypes.PRACTICE_LOG_CREATED, log("m2", 10, 1));
        publish(EventTypes.PRACTICE_LOG_CREATED, log(null, 99, 1));
        publish(EventTypes.PRACTICE_LOG_UPDATED, withMilestone(first, "m3", 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.milestones(skill).statusCode(200)
                .body("items.practice_minutes", equalTo(List.of(25, 10, 20))));
    }

    /**
     * Attempts count the live logs that name a milestone, completions those of them that completed it:
     * they follow creates, a log moved to another milestone, the flag toggled and deletes, also when an
     * event arrives twice or an older version arrives after a newer one.
     */
    @Test
    void attemptsAndCompletionsFollowTheLogsThatNameAMilestoneWhateverOrderTheirEventsArriveIn() {
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        PracticeLogData tried = log("m1", 20, false, 1);
        PracticeLogData done = log("m1", 30, true, 1);
        PracticeLogData moved = log("m1", 15, true, 1);
        PracticeLogData gone = log("m2", 10, true, 1);
        publish(EventTypes.PRACTICE_LOG_CREATED, tried);
        publish(EventTypes.PRACTICE_LOG_CREATED, done);
        publish(EventTypes.PRACTICE_LOG_CREATED, done);
        publish(EventTypes.PRACTICE_LOG_UPDATED, changed(moved, "m3", true, 2, false));
        publish(EventTypes.PRACTICE_LOG_CREATED, moved);
        publish(EventTypes.PRACTICE_LOG_CREATED, gone);
        publish(EventTypes.PRACTICE_LOG_DELETED, changed(gone, "m2", true, 2, true));
        publish(EventTypes.PRACTICE_LOG_UPDATED, changed(tried, "m1", true, 2, false));
        publish(EventTypes.PRACTICE_LOG_UPDATED, changed(done, "m1", false, 3, false));
        publish(EventTypes.PRACTICE_LOG_UPDATED, changed(done, "m1", true, 2, false));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.milestones(skill).statusCode(200)
                .body("items.id", equalTo(List.of("m1", "m2", "m3")))
                .body("items.practice_attempts", equalTo(List.of(2, 0, 1)))
                .body("items.practice_completions", equalTo(List.of(1, 0, 1)))
                .body("items.practice_minutes", equalTo(List.of(50, 0, 15))));
    }

    private PracticeLogData log(String milestoneId, int minutes, long version) {
        return log(milestoneId, minutes, false, version);
    }

    private PracticeLogData log(String milestoneId, int minutes, boolean completed, long version) {
        Instant at = Instant.now().minusSeconds(3600);
        return new PracticeLogData(UUID.randomUUID(), user, UUID.fromString(skill), at, LocalDate.now(), "UTC", minutes,
                "practice", null, null, "practice", milestoneId, completed, version, at, at, false);
    }

    private static PracticeLogData withMilestone(PracticeLogData log, String milestoneId, long version) {
        return changed(log, milestoneId, log.milestoneCompleted(), version, false);
    }

    private static PracticeLogData changed(PracticeLogData log, String milestoneId, boolean completed, long version, boolean deleted) {
        return new PracticeLogData(log.id(), log.userId(), log.skillId(), log.datePracticed(), log.localDate(), log.zone(),
                log.duration(), log.description(), null, null, log.activityType(), milestoneId, completed, version, log.createdAt(),
                log.updatedAt(), deleted);
    }

    private void publish(String type, PracticeLogData log) {
        KafkaProbe.publish(Topics.PRACTICE_LOG_EVENTS,
                new EventEnvelope(UUID.randomUUID(), "/practice-log-service", type, log.id().toString(), Instant.now(), user), log);
    }

    static long rowsOf(UUID user, String table) {
        return TestDatabase.count("select count(*) from " + table + " where user_id = ?", user);
    }
}
