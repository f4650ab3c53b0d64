package dev.practicetracker.evidence.rest;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The evidence API as one user calls it. */
final class EvidenceApi {

    static final String PROBLEM_JSON = "application/problem+json";

    private final UUID user;

    EvidenceApi(UUID user) {
        this.user = user;
    }

    UUID user() {
        return user;
    }

    RequestSpecification request() {
        return given().auth().oauth2(TestTokens.forUser(user));
    }

    ValidatableResponse post(Object body) {
        return request().contentType(ContentType.JSON).body(body).when().post("/evidence").then();
    }

    String note(String attachedTo, UUID target, String text) {
        return post(Map.of("type", "note", attachedTo, target.toString(), "text", text)).statusCode(201).extract().path("id");
    }

    static Map<String, Object> link(UUID skill, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "link");
        body.put("skill_id", skill.toString());
        body.put("url", url);
        return body;
    }

    static Map<String, Object> screenshot(UUID skill, Map<String, Object> file) {
        return Map.of("type", "screenshot", "skill_id", skill.toString(), "file", file);
    }

    static Map<String, Object> file(String filename) {
        Map<String, Object> file = new HashMap<>();
        file.put("filename", filename);
        file.put("size_bytes", 2048);
        file.put("content_type", "image/png");
        file.put("storage_url", "https://cdn.example.com/u/1/shot.png");
        return file;
    }
}
