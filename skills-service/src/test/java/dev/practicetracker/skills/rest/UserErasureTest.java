package dev.practicetracker.skills.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class UserErasureTest {

    private static final List<String> TABLES_WITH_USER_DATA = List.of("skills", "milestone_progress", "milestone_logs",
            "idempotency_keys", "outbox");

    private final UUID user = UUID.randomUUID();
    private final SkillsApi api = new SkillsApi(user);

    @Test
    void erasureLeavesNoRowOfTheUserAndTellsEveryService() {
        UUID bystander = UUID.randomUUID();
        new SkillsApi(bystander).createSkill("Someone else's");
        String skill = api.request().header("Idempotency-Key", "erase-me").contentType(ContentType.JSON)
                .body(Map.of("name", "Guitar")).when().post("/skills").then().statusCode(201).extract().path("id");
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        api.patchMilestone(skill, "m1", Map.of("status", "in_progress")).statusCode(200);
        publishLogNamingMilestone(UUID.fromString(skill), "m1");
        await().atMost(Duration.ofSeconds(30)).until(() -> RoadmapAndMilestoneTest.rowsOf(user, "milestone_logs") == 1);

        api.request().when().delete("/users/me").then().statusCode(202).body("user_id", equalTo(user.toString()));

        api.request().when().get("/skills").then().statusCode(200).body("items", hasSize(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String table : TABLES_WITH_USER_DATA) {
                assertThat(RoadmapAndMilestoneTest.rowsOf(user, table)).as(table).isZero();
            }
        });
        assertThat(RoadmapAndMilestoneTest.rowsOf(bystander, "skills")).isEqualTo(1);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.USER_EVENTS)) {
            var erased = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", user.toString()), 1).get(0);
            assertThat(KafkaProbe.header(erased.headers(), "ce_type")).isEqualTo("user.erased.v1");
            assertThat(erased.key()).isEqualTo(user.toString());
            assertThat(EventJson.read(erased.value(), UserErasedData.class).userId()).isEqualTo(user);
        }
    }

    @Test
    void aLateLogEventForAnErasedUserBringsNothingBack() {
        String skill = api.createSkill("Forgotten");
        api.putRoadmap(skill, SkillsApi.roadmap()).statusCode(200);
        api.request().when().delete("/users/me").then().statusCode(202);

        publishLogNamingMilestone(UUID.fromString(skill), "m1");
        // a later event of a live user on the same partition proves the late one was consumed
        String live = new SkillsApi(user).createSkill("After erasure");
        publishLogNamingMilestone(UUID.fromString(live), null);

        assertThat(TestDatabase.count("select count(*) from milestone_logs where skill_id = ?", UUID.fromString(skill))).isZero();
    }

    private void publishLogNamingMilestone(UUID skill, String milestoneId) {
        Instant at = Instant.now().minusSeconds(60);
        PracticeLogData log = new PracticeLogData(UUID.randomUUID(), user, skill, at, LocalDate.now(), "UTC", 30, "practice",
                null, null, "practice", milestoneId, false, 1, at, at, false);
        KafkaProbe.publish(Topics.PRACTICE_LOG_EVENTS, new EventEnvelope(UUID.randomUUID(), "/practice-log-service",
                EventTypes.PRACTICE_LOG_CREATED, log.id().toString(), Instant.now(), user), log);
    }
}
