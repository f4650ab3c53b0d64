package dev.practicetracker.skills.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The catalogue of practice templates: admins manage it, users list the active ones and adopt them. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class TemplateTest {

    private final UUID user = UUID.randomUUID();
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void onlyAnAdminWritesTheCatalogue() {
        Map<String, Object> template = template("flow-" + unique, "Flow " + unique, 1, true);

        asUser().contentType(ContentType.JSON).body(template).when().post("/templates").then().statusCode(403);
        create(template).statusCode(201).header("Location", endsWith("/templates/flow-" + unique)).body("adoptions", equalTo(0));
        create(template).statusCode(409);
        asUser().contentType(ContentType.JSON).body(Map.of("name", "Renamed")).when().patch("/templates/flow-" + unique)
                .then().statusCode(403);
        asUser().when().delete("/templates/flow-" + unique).then().statusCode(403);
        asAdmin().contentType(ContentType.JSON).body(Map.of("tagline", "Find your flow")).when().patch("/templates/flow-" + unique)
                .then().statusCode(200).body("tagline", equalTo("Find your flow")).body("version", equalTo(2));
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "another")).when().patch("/templates/flow-" + unique)
                .then().statusCode(400).body("violations[0].field", equalTo("slug"));
    }

    @Test
    void theCatalogueStartsWithItsPracticeModes() {
        asUser().when().get("/templates").then().statusCode(200)
                .body("items.slug", hasItem("deliberate-practice"))
                .body("items.slug", hasItem("spaced-repetition"));
        asUser().queryParam("category", "role").queryParam("tag", "performer").when().get("/templates").then().statusCode(200)
                .body("items.slug", equalTo(List.of("performance-rehearsal")));
        asUser().when().get("/templates/spaced-repetition").then().statusCode(200)
                .body("skill_type", equalTo("abstract")).body("tags.category", equalTo(List.of("skill", "context", "duration", "role")));
    }

    @Test
    void badFieldsAreNamed() {
        Map<String, Object> template = template("Bad Slug", "", 1, true);
        template.put("tags", List.of(Map.of("slug", "x", "name", "X", "category", "mood")));

        create(template).statusCode(400).body("violations.field", hasItem("tags[0].category"));
        template.put("tags", List.of());
        create(template).statusCode(400).body("violations.field", equalTo(List.of("name", "slug")));
    }

    @Test
    void usersSeeTheActiveTemplatesInDisplayOrderFilteredByTagAndCategory() {
        create(template("b-" + unique, "Beta " + unique, 1, true)).statusCode(201);
        create(template("a-" + unique, "Alpha " + unique, 1, true)).statusCode(201);
        create(template("first-" + unique, "Zulu " + unique, 0, true)).statusCode(201);
        create(template("hidden-" + unique, "Hidden " + unique, 0, false)).statusCode(201);

        List<String> slugs = asUser().queryParam("tag", "tag-" + unique).when().get("/templates").then().statusCode(200)
                .extract().path("items.slug");
        assertThat(slugs).containsExactly("first-" + unique, "a-" + unique, "b-" + unique);
        asUser().queryParam("category", "duration").when().get("/templates").then().statusCode(200)
                .body("items.slug", hasItem("a-" + unique));
        asUser().queryParam("category", "role").when().get("/templates").then().statusCode(200)
                .body("items.slug", not(hasItem("a-" + unique)));
        asUser().queryParam("category", "mood").when().get("/templates").then().statusCode(400);
        asUser().when().get("/templates/hidden-" + unique).then().statusCode(404);
        asAdmin().when().get("/templates/hidden-" + unique).then().statusCode(200).body("is_active", equalTo(false));
        asUser().contentType(ContentType.JSON).when().post("/templates/hidden-" + unique + "/adopt").then().statusCode(404);
    }

    @Test
    void adoptingCreatesExactlyTheTemplatesSkillOnceUnderEachNameAndCounts() {
        Map<String, Object> template = template("yoga-" + unique, "Yoga " + unique, 3, true);
        template.put("skill_type", "physical");
        template.put("roadmap", Map.of("difficulty", "beginner", "levels", List.of(Map.of("level", 1, "title", "Basics",
                "milestones", List.of(SkillsApi.milestone("m1", "Sun salutation"), SkillsApi.milestone("m2", "Warrior"))))));
        create(template).statusCode(201);

        String skill = asUser().contentType(ContentType.JSON).when().post("/templates/yoga-" + unique + "/adopt").then().statusCode(201)
                .body("name", equalTo("Yoga " + unique))
                .body("skill_type", equalTo("physical"))
                .body("template_slug", equalTo("yoga-" + unique))
                .body("tags", equalTo(List.of("Tag " + unique, "Ten minutes")))
                .body("roadmap.difficulty", equalTo("beginner"))
                .body("roadmap.levels[0].milestones.id", equalTo(List.of("m1", "m2")))
                .body("roadmap.total_estimated_minutes", equalTo(60))
                .extract().path("id");
        asUser().contentType(ContentType.JSON).when().post("/templates/yoga-" + unique + "/adopt").then().statusCode(409);
        asUser().contentType(ContentType.JSON).body(Map.of("name", "Morning yoga " + unique))
                .when().post("/templates/yoga-" + unique + "/adopt").then().statusCode(201)
                .body("name", equalTo("Morning yoga " + unique));
        asUser().when().get("/templates/yoga-" + unique).then().statusCode(200).body("adoptions", equalTo(2));

        asAdmin().when().delete("/templates/yoga-" + unique).then().statusCode(204);
        new SkillsApi(user).get(skill).statusCode(200).body("template_slug", equalTo("yoga-" + unique))
                .body("roadmap.levels[0].milestones.id", equalTo(List.of("m1", "m2")));
        asUser().when().get("/templates/yoga-" + unique).then().statusCode(404);
    }

    @Test
    void anAdoptionWithAnIdempotencyKeyIsMadeOnce() {
        create(template("once-" + unique, "Once " + unique, 1, true)).statusCode(201);
        String key = UUID.randomUUID().toString();

        String first = asUser().contentType(ContentType.JSON).header("Idempotency-Key", key).when().post("/templates/once-" + unique + "/adopt").then()
                .statusCode(201).extract().path("id");
        asUser().contentType(ContentType.JSON).header("Idempotency-Key", key).when().post("/templates/once-" + unique + "/adopt").then()
                .statusCode(201).body("id", equalTo(first));
        asUser().when().get("/templates/once-" + unique).then().statusCode(200).body("adoptions", equalTo(1))
                .body("skill_type", nullValue());
    }

    private Map<String, Object> template(String slug, String name, int order, boolean active) {
        Map<String, Object> template = new HashMap<>();
        template.put("slug", slug);
        template.put("name", name);
        template.put("display_order", order);
        template.put("is_active", active);
        template.put("tags", List.of(Map.of("slug", "tag-" + unique, "name", "Tag " + unique, "category", "skill"),
                Map.of("slug", "ten-minutes", "name", "Ten minutes", "category", "duration")));
        return template;
    }

    private ValidatableResponse create(Map<String, Object> template) {
        return asAdmin().contentType(ContentType.JSON).body(template).when().post("/templates").then();
    }

    private RequestSpecification asUser() {
        return given().auth().oauth2(TestTokens.forUser(user));
    }

    private RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.withGroups(UUID.randomUUID(), "admin"));
    }
}
