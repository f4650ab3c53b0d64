package dev.practicetracker.practicelog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

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

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class RepublishTest {

    @Test
    void everyLiveLogIsPublishedAgainWithItsCurrentVersion() {
        UUID user = UUID.randomUUID();
        LogsApi api = new LogsApi(user);
        UUID skill = SkillEvents.skillKnownToService(user);
        String kept = api.create(skill);
        String changed = api.create(skill);
        api.patch(changed, Map.of("duration", 44)).statusCode(200);
        long live = TestDatabase.count("select count(*) from practice_logs");

        long republished = given().auth().oauth2(TestTokens.withGroups(UUID.randomUUID(), "admin"))
                .when().post("/practice-logs/admin/republish").then().statusCode(200).extract().jsonPath().getLong("republished");

        assertThat(republished).isEqualTo(live);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            Set<String> versions = probe.awaitRecords(record -> record.value().contains("\"id\":\"" + changed + "\""), 3).stream()
                    .map(record -> KafkaProbe.header(record.headers(), "ce_type") + "@" + record.value().replaceAll(".*\"version\":(\\d+).*", "$1"))
                    .collect(Collectors.toSet());
            assertThat(versions).containsExactlyInAnyOrder("practice-log.created.v1@1", "practice-log.updated.v1@2",
                    "practice-log.created.v1@2");
            assertThat(probe.awaitRecords(record -> record.value().contains("\"id\":\"" + kept + "\""), 2)).hasSize(2);
        }
        given().auth().oauth2(TestTokens.forUser(user)).when().post("/practice-logs/admin/republish").then().statusCode(403);
    }
}
