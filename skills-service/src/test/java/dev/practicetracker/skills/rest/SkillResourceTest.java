package dev.practicetracker.skills.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventJson;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.events.Topics;
import dev.practicetracker.platform.security.VerifiedTokens;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class SkillResourceTest {

    @Inject
    JWTParser tokenParser;

    private static final String PROBLEM_JSON = "application/problem+json";

    private final UUID user = UUID.randomUUID();

    @Test
    void createsASkillWithTheApiFields() {
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("name", "  SQL  ", "description", "window functions", "category", "data",
                        "target_hours", 100, "tags", List.of("db", "sql")))
                .when().post("/skills")
                .then().statusCode(201)
                .header("Location", containsString("/skills/"))
                .header("ETag", "\"1\"")
                .body("id", notNullValue())
                .body("user_id", equalTo(user.toString()))
                .body("name", equalTo("SQL"))
                .body("target_hours", equalTo(100))
                .body("tags", equalTo(List.of("db", "sql")))
                .body("version", equalTo(1))
                .body("created_at", notNullValue());
    }

    @Test
    void aSkillHasAnOptionalTypeThatIsPublishedAndCanBeChangedOrCleared() {
        SkillsApi api = new SkillsApi(user);
        String skill = api.create(Map.of("name", "Handstand " + UUID.randomUUID(), "skill_type", "physical")).statusCode(201)
                .body("skill_type", equalTo("physical")).extract().path("id");

        api.patch(skill, Map.of("skill_type", "abstract")).statusCode(200).body("skill_type", equalTo("abstract"));
        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            var updated = probe.awaitRecords(KafkaProbe.withHeader("ce_type", "skill.updated.v1")
                    .and(KafkaProbe.withHeader("ce_subject", skill)), 1).get(0);
            assertThat(EventJson.read(updated.value(), SkillData.class).skillType()).isEqualTo("abstract");
        }
        api.patch(skill, Collections.singletonMap("skill_type", null)).statusCode(200).body("skill_type", nullValue());
        api.create(Map.of("name", "Chess " + UUID.randomUUID(), "skill_type", "mental")).statusCode(400)
                .body("violations[0].field", equalTo("skill_type"));
    }

    @Test
    void readsBackTheCallersSkill() {
        String id = createSkill(user, "Guitar");

        given().auth().oauth2(TestTokens.forUser(user))
                .when().get("/skills/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Guitar"));
    }

    @Test
    void anotherUsersSkillIsNotFound() {
        String id = createSkill(user, "Chess");

        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID()))
                .when().get("/skills/" + id)
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void listsOnlyTheCallersSkillsNewestFirst() {
        createSkill(user, "First");
        createSkill(user, "Second");
        createSkill(UUID.randomUUID(), "Someone else's");

        given().auth().oauth2(TestTokens.forUser(user))
                .when().get("/skills")
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Second", "First")))
                .body("next_cursor", nullValue());
    }

    @Test
    void aBlankNameIsAValidationErrorNamingTheField() {
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("name", "   ", "target_hours", 0))
                .when().post("/skills")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("name", "target_hours")));
    }

    @Test
    void aCaseVariantOfAnExistingNameConflicts() {
        createSkill(user, "Piano");

        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("name", "PIANO"))
                .when().post("/skills")
                .then().statusCode(409)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when().post("/skills")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("body"))
                .body(not(containsString("jackson")));
    }

    @Test
    void aNumberIsNotAName() {
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body("{\"name\": 12}")
                .when().post("/skills")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must be a string"));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().when().get("/skills")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        given().auth().oauth2(TestTokens.signedByAnotherKey(user)).when().get("/skills")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void bearerTokensAreParsedByThePlatformsRememberingVerifier() {
        assertThat(tokenParser).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aTokenAcceptedOnceIsAcceptedAgainAndAForgedOneStillRefused() {
        String token = TestTokens.forUser(user);
        given().auth().oauth2(token).when().get("/skills").then().statusCode(200);
        given().auth().oauth2(token).when().get("/skills").then().statusCode(200);
        given().auth().oauth2(TestTokens.signedByAnotherKey(user)).when().get("/skills").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        given().auth().oauth2(TestTokens.expired(user)).when().get("/skills")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenWithoutTheUserGroupIsForbidden() {
        given().auth().oauth2(TestTokens.withGroups(user, "admin")).when().get("/skills")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void publishesSkillCreatedWithItsCloudEventsEnvelope() {
        String id = createSkill(user, "Drawing");

        try (KafkaProbe probe = KafkaProbe.reading(Topics.SKILL_EVENTS)) {
            ConsumerRecord<String, String> record = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 1).get(0);

            assertThat(record.key()).isEqualTo(user.toString());
            assertThat(KafkaProbe.header(record.headers(), "ce_type")).isEqualTo("skill.created.v1");
            assertThat(KafkaProbe.header(record.headers(), "ce_source")).isEqualTo("/skills-service");
            assertThat(KafkaProbe.header(record.headers(), "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaProbe.header(record.headers(), "ce_userid")).isEqualTo(user.toString());
            assertThat(KafkaProbe.header(record.headers(), "content-type")).isEqualTo("application/json");
            SkillData data = EventJson.read(record.value(), SkillData.class);
            assertThat(data.name()).isEqualTo("Drawing");
            assertThat(data.version()).isEqualTo(1);
            assertThat(data.deleted()).isFalse();
        }
    }

    static String createSkill(UUID owner, String name) {
        return given().auth().oauth2(TestTokens.forUser(owner)).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when().post("/skills")
                .then().statusCode(201)
                .extract().path("id");
    }
}
