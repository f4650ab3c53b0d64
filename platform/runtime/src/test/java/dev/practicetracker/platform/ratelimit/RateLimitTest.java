package dev.practicetracker.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.platform.problem.Problem;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst over a quota over HTTP: 3 writes and 1 export per hour here, so nothing refills while the
 * test runs. Every answer is also checked against the OpenAPI document (the 429 and the headers).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallQuotas.class)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class RateLimitTest {

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("practice-tracker.rate-limits.writes.limit", "3", "practice-tracker.rate-limits.writes.period", "1h",
                    "practice-tracker.rate-limits.imports-exports.limit", "1",
                    "practice-tracker.rate-limits.imports-exports.period", "1h",
                    "practice-tracker.rate-limits.public-images.limit", "2", "practice-tracker.rate-limits.public-images.period", "1h");
        }
    }

    @Test
    void writesOverTheQuotaGet429WithRetryAfterAndEveryAnswerCarriesTheQuota() {
        String token = TestTokens.forUser(UUID.randomUUID());
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(token).when().post("/limited")
                    .then().statusCode(204)
                    .header(RateLimitFilter.LIMIT, "3")
                    .header(RateLimitFilter.REMAINING, Integer.toString(remaining))
                    .header(RateLimitFilter.RESET, allOf(greaterThanOrEqualTo("1200"), lessThanOrEqualTo("3600")));
        }

        given().auth().oauth2(token).when().post("/limited")
                .then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .header(RateLimitFilter.RETRY_AFTER, allOf(greaterThanOrEqualTo("1190"), lessThanOrEqualTo("1200")))
                .header(RateLimitFilter.REMAINING, "0")
                .body("type", equalTo(Problem.RATE_LIMITED))
                .body("status", equalTo(429))
                .body("detail", containsString("more than 3 writes per 3600 s"));
    }

    @Test
    void readsAreNotLimitedAndOtherUsersAndClassesHaveTheirOwnQuota() {
        String token = TestTokens.forUser(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().post("/limited").then().statusCode(204);
        }
        given().auth().oauth2(token).when().post("/limited").then().statusCode(429);

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/limited").then().statusCode(204).header(RateLimitFilter.LIMIT, nullValue());
        }
        given().auth().oauth2(token).when().get("/limited/export").then().statusCode(204).header(RateLimitFilter.LIMIT, "1");
        given().auth().oauth2(token).when().get("/limited/export").then().statusCode(429)
                .body("detail", containsString("imports and exports"));
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().post("/limited").then().statusCode(204);
    }

    @Test
    void publicImagesAreLimitedPerClientAddressWithoutAToken() {
        for (int remaining = 1; remaining >= 0; remaining--) {
            given().when().get("/public/image").then().statusCode(204).header(RateLimitFilter.LIMIT, "2")
                    .header(RateLimitFilter.REMAINING, Integer.toString(remaining));
        }
        given().when().get("/public/image").then().statusCode(429).contentType(Problem.MEDIA_TYPE)
                .header(RateLimitFilter.RETRY_AFTER, allOf(greaterThanOrEqualTo("1790"), lessThanOrEqualTo("1800")))
                .body("detail", containsString("public images"));
        // the same client with a token is the same client address
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().get("/public/image").then().statusCode(429);
    }

    @Test
    void aRequestWithoutATokenGetsItsUnauthorizedAndTakesNothing() {
        for (int i = 0; i < 5; i++) {
            given().when().post("/limited").then().statusCode(401).header(RateLimitFilter.LIMIT, nullValue());
        }
    }
}
