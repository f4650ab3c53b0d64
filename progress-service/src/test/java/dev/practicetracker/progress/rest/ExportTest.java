package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code GET /progress/export}: what the caller set here, for the account's export, and nothing of anyone else's. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ExportTest {

    private final UUID user = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();

    @Test
    void theExportHoldsTheGoalsSettingsBreaksAndLinksTheCallerSetAndNoOneElses() {
        UUID skill = publishSkill(user, "Exported skill");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        put(user, "/progress/goals", Map.of("weekly_minutes", 150));
        put(user, "/progress/skills/" + skill + "/goal", Map.of("weekly_sessions", 4));
        put(user, "/progress/settings", Map.of("streak_min_minutes", 15, "rest_weekdays", List.of("sunday")));
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-12-20", "to", "2026-12-27", "reason", "Holidays")).when().put("/progress/skip-days")
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON).body(Map.of("kind", "badge"))
                .when().post("/progress/share-links").then().statusCode(201);
        put(stranger, "/progress/goals", Map.of("weekly_minutes", 30));
        given().auth().oauth2(TestTokens.forUser(stranger)).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-12-01", "to", "2026-12-02")).when().put("/progress/skip-days").then().statusCode(201);

        JsonPath export = export(user);

        assertThat(export.getInt("goals.weekly_minutes")).isEqualTo(150);
        assertThat(export.getList("goals.skills.skill_id")).containsExactly(skill.toString());
        assertThat(export.getInt("goals.skills[0].weekly_sessions")).isEqualTo(4);
        assertThat(export.getInt("settings.streak_min_minutes")).isEqualTo(15);
        assertThat(export.getList("settings.rest_weekdays")).containsExactly("sunday");
        assertThat(export.getList("skip_days.reason")).containsExactly("Holidays");
        assertThat(export.getList("share_links.kind")).containsExactly("badge");
    }

    @Test
    void aCallerWhoSetNothingExportsTheDefaultsAndEmptyLists() {
        JsonPath export = export(UUID.randomUUID());

        assertThat(export.getString("goals.weekly_minutes")).isNull();
        assertThat(export.getList("goals.skills")).isEmpty();
        assertThat(export.getLong("settings.version")).isZero();
        assertThat(export.getList("skip_days")).isEmpty();
        assertThat(export.getList("share_links")).isEmpty();
    }

    private static void put(UUID caller, String path, Object body) {
        given().auth().oauth2(TestTokens.forUser(caller)).contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(200);
    }

    private static JsonPath export(UUID caller) {
        return given().auth().oauth2(TestTokens.forUser(caller)).when().get("/progress/export").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }
}
