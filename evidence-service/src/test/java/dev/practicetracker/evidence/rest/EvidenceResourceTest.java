package dev.practicetracker.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class EvidenceResourceTest {

    @Test
    void aNewUserHasNoEvidence() {
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID()))
                .when().get("/evidence")
                .then().statusCode(200)
                .body("items", empty())
                .body("next_cursor", nullValue());
    }

    @Test
    void evidenceNeedsAToken() {
        given().when().get("/evidence")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Reactive PostgreSQL') }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Reactive Messaging') }.status", equalTo("UP"));
    }
}
