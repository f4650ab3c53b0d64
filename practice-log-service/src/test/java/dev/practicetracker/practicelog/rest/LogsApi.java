package dev.practicetracker.practicelog.rest;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The practice-log API as one user calls it. */
final class LogsApi {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final UUID user;
    private final String zone;

    LogsApi(UUID user) {
        this(user, "UTC");
    }

    LogsApi(UUID user, String zone) {
        this.user = user;
        this.zone = zone;
    }

    UUID user() {
        return user;
    }

    RequestSpecification request() {
        return given().auth().oauth2(TestTokens.forUser(user, zone));
    }

    static Map<String, Object> log(UUID skill, Instant practiced, int minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("skill_id", skill.toString());
        body.put("date_practiced", practiced.toString());
        body.put("duration", minutes);
        body.put("description", "Practised for the tests");
        return body;
    }

    String create(UUID skill, Instant practiced, int minutes) {
        return post(log(skill, practiced, minutes)).statusCode(201).extract().path("id");
    }

    String create(UUID skill) {
        return create(skill, Instant.now().minus(1, ChronoUnit.HOURS), 30);
    }

    ValidatableResponse post(Object body) {
        return request().contentType(ContentType.JSON).body(body).when().post("/practice-logs").then();
    }

    ValidatableResponse get(String id) {
        return request().when().get("/practice-logs/" + id).then();
    }

    ValidatableResponse patch(String id, Object patch) {
        return request().contentType(MERGE_PATCH).body(patch).when().patch("/practice-logs/" + id).then();
    }

    ValidatableResponse delete(String id) {
        return request().when().delete("/practice-logs/" + id).then();
    }
}
