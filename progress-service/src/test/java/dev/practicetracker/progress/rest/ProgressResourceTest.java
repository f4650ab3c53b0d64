package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static dev.practicetracker.progress.event.ProgressEvents.withVersion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventEnvelope;
import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.deadletter.DeadLetterQueue;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ProgressResourceTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private final UUID user = UUID.randomUUID();

    @Test
    void totalsFollowTheLogsOfTheSkill() {
        UUID skill = publishSkill(user, "Guitar");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY.plusSeconds(3600), 45, 1));

        JsonPath progress = awaitSessions(skill, 2);

        assertThat(progress.getLong("total_minutes")).isEqualTo(75);
        assertThat(progress.getDouble("average_minutes")).isEqualTo(37.5);
        assertThat(progress.getString("last_practiced_at")).isEqualTo(YESTERDAY.plusSeconds(3600).toString());
        assertThat(progress.getString("as_of")).isNotNull();
    }

    @Test
    void theSkillNameComesFromSkillEvents() {
        UUID skill = publishSkill(user, "Calligraphy");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1));

        JsonPath progress = awaitProgress(skill, p -> "Calligraphy".equals(p.getString("skill_name")));

        assertThat(progress.getString("skill_id")).isEqualTo(skill.toString());
    }

    @Test
    void aDuplicateDeliveryIsNotCountedTwice() {
        UUID skill = publishSkill(user, "Chess");
        PracticeLogData once = log(user, skill, YESTERDAY, 30, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, once);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, once);
        // same user, same partition: once this marker is counted, both copies above were applied
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 10, 1));

        JsonPath progress = awaitMinutes(skill, 40);

        assertThat(progress.getInt("total_sessions")).isEqualTo(2);
    }

    @Test
    void aDuplicateLeavesTheCachedAnalyticsUntouched() {
        UUID skill = publishSkill(user, "Go");
        UUID marker = publishSkill(user, "Marker");
        PracticeLogData once = log(user, skill, YESTERDAY, 30, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, once);
        String computed = awaitSessions(skill, 1).getString("updated_at");

        publishLog(EventTypes.PRACTICE_LOG_CREATED, once);
        // same user, same partition: once the marker skill counts its log, the duplicate was handled
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, marker, YESTERDAY, 10, 1));
        awaitSessions(marker, 1);

        assertThat(awaitSessions(skill, 1).getString("updated_at")).as("not recomputed for a duplicate").isEqualTo(computed);
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        UUID skill = publishSkill(user, "Piano");
        PracticeLogData first = log(user, skill, YESTERDAY, 30, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, first);
        publishLog(EventTypes.PRACTICE_LOG_UPDATED, withVersion(first, 50, 2));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, first);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 5, 1));

        JsonPath progress = awaitSessions(skill, 2);

        assertThat(progress.getLong("total_minutes")).isEqualTo(55);
    }

    @Test
    void aDeletedLogLeavesTheTotals() {
        UUID skill = publishSkill(user, "Drawing");
        PracticeLogData log = log(user, skill, YESTERDAY, 30, 1);
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log);
        awaitSessions(skill, 1);

        publishLog(EventTypes.PRACTICE_LOG_DELETED, withVersion(log, 30, 2));

        JsonPath progress = awaitSessions(skill, 0);
        assertThat(progress.getLong("total_minutes")).isZero();
    }

    @Test
    void aSkillWithoutLogsAnswersZeros() {
        UUID skill = publishSkill(user, "Juggling");

        await().atMost(Duration.ofSeconds(30)).until(() -> status(user, skill) == 200);
        given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill)
                .then().statusCode(200)
                .body("total_sessions", equalTo(0))
                .body("total_minutes", equalTo(0))
                .body("last_practiced_at", nullValue());
    }

    @Test
    void anotherUsersSkillIsNotFound() {
        UUID skill = publishSkill(user, "Running");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1));
        awaitSessions(skill, 1);

        assertThat(status(UUID.randomUUID(), skill)).isEqualTo(404);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextOneStillApplies() {
        UUID skill = publishSkill(user, "Singing");
        KafkaProbe.send(new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, user.toString(), "{not json"));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 20, 1));

        awaitSessions(skill, 1);
        try (KafkaProbe deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.PRACTICE_LOG_EVENTS))) {
            var parked = deadLetters.awaitRecords(record -> "{not json".equals(record.value()), 1).get(0);
            assertThat(new String(parked.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("ce_");
        }
    }

    @Test
    void aRecordWhoseTimeHeaderIsNoTimeIsDeadLetteredAndTheNextOneStillApplies() {
        UUID skill = publishSkill(user, "Juggling");
        PracticeLogData unreadable = log(user, skill, YESTERDAY, 15, 1);
        Headers headers = new EventEnvelope(UUID.randomUUID(), "/practice-log-service", EventTypes.PRACTICE_LOG_CREATED,
                unreadable.id().toString(), Instant.now(), user).toHeaders()
                .remove(EventEnvelope.HEADER_TIME).add(EventEnvelope.HEADER_TIME, "yesterday".getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(new ProducerRecord<>(Topics.PRACTICE_LOG_EVENTS, null, user.toString(), EventJson.write(unreadable), headers));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 20, 1));

        assertThat(awaitSessions(skill, 1).getLong("total_minutes")).isEqualTo(20);
        try (KafkaProbe deadLetters = KafkaProbe.reading(Topics.deadLetter(Topics.PRACTICE_LOG_EVENTS))) {
            var parked = deadLetters.awaitRecords(KafkaProbe.withHeader(EventEnvelope.HEADER_SUBJECT, unreadable.id().toString()), 1)
                    .get(0);
            assertThat(KafkaProbe.header(parked.headers(), DeadLetterQueue.HEADER_REASON)).contains("unreadable CloudEvents attribute");
        }
    }

    private JsonPath awaitSessions(UUID skill, int sessions) {
        return awaitProgress(skill, progress -> progress.getInt("total_sessions") == sessions);
    }

    private JsonPath awaitMinutes(UUID skill, long minutes) {
        return awaitProgress(skill, progress -> progress.getLong("total_minutes") == minutes);
    }

    private JsonPath awaitProgress(UUID skill, java.util.function.Predicate<JsonPath> reached) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, progress -> progress != null && reached.test(progress));
    }

    private static int status(UUID caller, UUID skill) {
        return given().auth().oauth2(TestTokens.forUser(caller)).when().get("/progress/skills/" + skill).statusCode();
    }
}
