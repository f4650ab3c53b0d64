package dev.practicetracker.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Browsers of the origins in {@code PT_CORS_ORIGINS} may call the API; other origins may not. */
@QuarkusTest
@TestProfile(CorsTest.OneOrigin.class)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class CorsTest {

    static final String ALLOWED = "https://app.practice-tracker.example";

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PT_CORS_ORIGINS", ALLOWED);
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithItsPermissions() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
                .when().options("/q/openapi")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void aResponseToAnAllowedOriginExposesTheHeadersClientsRead() {
        given().header("Origin", ALLOWED)
                .when().get("/q/openapi")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anotherOriginIsRefused() {
        given().header("Origin", "https://elsewhere.example")
                .when().get("/q/openapi")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
