package dev.practicetracker.skills.rest;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The skills API as one user calls it. */
final class SkillsApi {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final UUID user;

    SkillsApi(UUID user) {
        this.user = user;
    }

    UUID user() {
        return user;
    }

    RequestSpecification request() {
        return given().auth().oauth2(TestTokens.forUser(user));
    }

    String createSkill(String name) {
        return create(Map.of("name", name)).statusCode(201).extract().path("id");
    }

    ValidatableResponse create(Object body) {
        return request().contentType(ContentType.JSON).body(body).when().post("/skills").then();
    }

    ValidatableResponse get(String id) {
        return request().when().get("/skills/" + id).then();
    }

    ValidatableResponse patch(String id, Object patch) {
        return request().contentType(MERGE_PATCH).body(patch).when().patch("/skills/" + id).then();
    }

    ValidatableResponse putRoadmap(String id, Object roadmap) {
        return request().contentType(ContentType.JSON).body(roadmap).when().put("/skills/" + id + "/roadmap").then();
    }

    ValidatableResponse milestones(String id) {
        return request().when().get("/skills/" + id + "/milestones").then();
    }

    ValidatableResponse patchMilestone(String id, String milestoneId, Object patch) {
        return request().contentType(MERGE_PATCH).body(patch).when().patch("/skills/" + id + "/milestones/" + milestoneId).then();
    }

    /** Two levels, milestones m1, m2 (level 1) and m3 (level 2). */
    static Map<String, Object> roadmap() {
        return Map.of("levels", List.of(
                Map.of("level", 1, "title", "Foundations", "milestones", List.of(
                        milestone("m1", "Open chords"), milestone("m2", "Strumming"))),
                Map.of("level", 2, "title", "Moving on", "milestones", List.of(milestone("m3", "Barre chords")))));
    }

    static Map<String, Object> milestone(String id, String title) {
        return Map.of("id", id, "title", title, "estimated_minutes", 30,
                "do_this_now", Map.of("prompt", "Play " + title + " slowly", "reps", 3, "sets", 2, "success_criteria", "clean sound"));
    }
}
