package dev.practicetracker.progress.event;

import static dev.practicetracker.progress.event.ProgressEvents.changed;
import static dev.practicetracker.progress.event.ProgressEvents.factId;
import static dev.practicetracker.progress.event.ProgressEvents.field;
import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static dev.practicetracker.progress.event.ProgressEvents.withVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * progress-events as EVENTS.md defines them: a skill's figures each time a log change moves them,
 * and each level and stage the first time a skill reaches it; nothing for duplicates, older
 * versions and changes that move no figure.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ProgressEventsPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void eachLogChangeThatMovesTheFiguresPublishesTheSkillsProgressOnceAndNothingElseDoes() throws Exception {
        UUID user = UUID.randomUUID();
        UUID skill = publishSkill(user, "Published figures", 10);
        // skills and logs come on topics of their own: the name is in the figures once the skill's event is applied
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        PracticeLogData first = log(user, skill, at(TODAY.minusDays(1)), 30, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, first);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            ConsumerRecord<String, String> created = probe.awaitRecords(of(EventTypes.SKILL_PROGRESS_CHANGED, user, skill), 1).get(0);

            JsonNode figures = JSON.readTree(created.value());
            assertThat(created.key()).isEqualTo(user.toString());
            assertThat(KafkaProbe.header(created.headers(), "ce_source")).isEqualTo("/progress-service");
            assertThat(KafkaProbe.header(created.headers(), "ce_id")).isEqualTo(factId("skill-progress:" + skill + ":1"));
            assertThat(figures.path("user_id").asText()).isEqualTo(user.toString());
            assertThat(figures.path("skill_id").asText()).isEqualTo(skill.toString());
            assertThat(figures.path("skill_name").asText()).isEqualTo("Published figures");
            assertThat(figures.path("version").asLong()).isEqualTo(1);
            assertThat(figures.path("total_sessions").asInt()).isEqualTo(1);
            assertThat(figures.path("total_minutes").asLong()).isEqualTo(30);
            assertThat(figures.path("sessions_last_7_days").asInt()).isEqualTo(1);
            assertThat(figures.path("stage").asText()).isEqualTo("beginner");

            // the same event again, a new version that moves no figure, an older version: nothing
            publishLog(EventTypes.PRACTICE_LOG_CREATED, first);
            publishLog(EventTypes.PRACTICE_LOG_UPDATED, withVersion(first, 30, 2));
            publishLog(EventTypes.PRACTICE_LOG_UPDATED, withVersion(first, 50, 1));
            // then a change that moves them: the next version (a no-op before it would have taken version 2)
            publishLog(EventTypes.PRACTICE_LOG_UPDATED, withVersion(first, 45, 3));

            List<ConsumerRecord<String, String>> all = probe.awaitRecords(of(EventTypes.SKILL_PROGRESS_CHANGED, user, skill), 2);
            JsonNode moved = JSON.readTree(all.get(1).value());
            assertThat(moved.path("version").asLong()).isEqualTo(2);
            assertThat(moved.path("total_minutes").asLong()).isEqualTo(45);
            assertThat(KafkaProbe.header(all.get(1).headers(), "ce_id")).isEqualTo(factId("skill-progress:" + skill + ":2"));
        }
    }

    @Test
    void aSkillAnnouncesEachLevelAndStageTheFirstTimeItReachesThemOnly() throws Exception {
        UUID user = UUID.randomUUID();
        // with a target of 10 hours, progress is at least the share of it done: 30 minutes a day, 5 %
        UUID skill = publishSkill(user, "Levels", 10);
        List<PracticeLogData> logs = new ArrayList<>();
        for (int day = 0; day < 16; day++) {
            logs.add(log(user, skill, at(TODAY.minusDays(day)), 30, 1));
        }
        // 10 sessions, 5 hours: level 2, 50 % (intermediate); then 16 sessions, 8 hours: 80 % (advanced)
        logs.forEach(log -> publishLog(EventTypes.PRACTICE_LOG_CREATED, log));
        // 7 deleted: back to level 1 and 45 % (intermediate); then 7 new ones: level 2 and advanced again
        for (PracticeLogData log : logs.subList(0, 7)) {
            publishLog(EventTypes.PRACTICE_LOG_DELETED, changed(log, 30, 2, true));
        }
        for (int day = 0; day < 7; day++) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(TODAY.minusDays(day)), day == 6 ? 40 : 30, 1));
        }

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            // the figures of the last change (490 minutes, no earlier state had them): everything before it
            // has been applied, one user's events being in order
            probe.awaitRecords(of(EventTypes.SKILL_PROGRESS_CHANGED, user, skill).and(record -> field(record, "total_minutes").equals("490")), 1);
            List<ConsumerRecord<String, String>> levels = probe.matching(of(EventTypes.LEVEL_REACHED, user, skill));
            List<ConsumerRecord<String, String>> stages = probe.matching(of(EventTypes.STAGE_REACHED, user, skill));

            assertThat(levels).extracting(record -> field(record, "level")).containsExactly("2");
            assertThat(stages).extracting(record -> field(record, "stage")).containsExactly("intermediate", "advanced");
            assertThat(levels).extracting(record -> KafkaProbe.header(record.headers(), "ce_id")).containsExactly(factId("level:" + skill + ":2"));
            assertThat(levels).extracting(record -> field(record, "user_id")).containsExactly(user.toString());
        }
    }

    @Test
    void aWeeklyGoalMetIsAnnouncedOnceAWeekForTheSkillAndForItsUser() throws Exception {
        UUID user = UUID.randomUUID();
        UUID skill = publishSkill(user, "Goals");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        String token = TestTokens.forUser(user);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("weekly_minutes", 60))
                .when().put("/progress/skills/" + skill + "/goal").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("weekly_minutes", 60, "weekly_sessions", 2))
                .when().put("/progress/goals").then().statusCode(200);

        // 30 minutes: neither goal; 70: both; 90: nothing new (each goal once a week)
        for (int minutes : new int[] { 30, 40, 20 }) {
            publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(TODAY), minutes, 1));
        }

        try (KafkaProbe probe = KafkaProbe.reading(Topics.PROGRESS_EVENTS)) {
            ConsumerRecord<String, String> last = probe.awaitRecords(of(EventTypes.SKILL_PROGRESS_CHANGED, user, skill)
                    .and(record -> field(record, "total_minutes").equals("90")), 1).get(0);
            List<ConsumerRecord<String, String>> met = probe.matching(record -> user.toString().equals(record.key())
                    && EventTypes.GOAL_MET.equals(KafkaProbe.header(record.headers(), "ce_type")));

            assertThat(met).extracting(record -> field(record, "skill_id")).containsExactlyInAnyOrder(skill.toString(), "null");
            // the week's minutes when it was met: 70, or 90 if the last two logs came in one batch
            assertThat(met).extracting(record -> Integer.parseInt(field(record, "minutes"))).allSatisfy(minutes -> assertThat(minutes).isIn(70, 90));
            assertThat(met).extracting(record -> field(record, "week_start"))
                    .containsOnly(TODAY.with(java.time.DayOfWeek.MONDAY).toString());
            JsonNode skillsGoal = JSON.readTree(last.value()).path("goal");
            assertThat(skillsGoal.path("weekly_minutes").asInt()).isEqualTo(60);
            assertThat(skillsGoal.path("minutes_this_week").asInt()).isEqualTo(90);
            assertThat(skillsGoal.path("met").asBoolean()).isTrue();
        }
    }

    /**
     * A consumer that is not ours: plain kafka-clients and a JSON parser, no class of the project.
     * It finds every CloudEvents attribute in the record's headers and the figures in its value.
     */
    @Test
    void aConsumerThatKnowsOnlyKafkaAndJsonReadsTheEvents() throws Exception {
        UUID user = UUID.randomUUID();
        UUID skill = publishSkill(user, "Read from outside");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, at(TODAY), 20, 1));

        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaResource.broker().bootstrapServers());
        properties.put("group.id", "notifications-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of("progress-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (user.toString().equals(record.key())) {
                        mine.add(record);
                    }
                });
                return !mine.isEmpty();
            });
        }

        ConsumerRecord<String, String> record = mine.get(0);
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_type", "skill-progress.changed.v1")
                .containsEntry("ce_source", "/progress-service").containsEntry("ce_subject", skill.toString())
                .containsKeys("ce_id", "ce_time");
        assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
        assertThat(Instant.parse(headers.get("ce_time"))).isBeforeOrEqualTo(Instant.now());
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertThat(data.path("skill_id").asText()).isEqualTo(skill.toString());
        assertThat(data.path("total_minutes").asInt()).isEqualTo(20);
        assertThat(data.path("current_streak_days").asInt()).isEqualTo(1);
    }

    private static Predicate<ConsumerRecord<String, String>> of(String type, UUID user, UUID skill) {
        return record -> user.toString().equals(record.key()) && type.equals(KafkaProbe.header(record.headers(), "ce_type"))
                && skill.toString().equals(KafkaProbe.header(record.headers(), "ce_subject"));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
