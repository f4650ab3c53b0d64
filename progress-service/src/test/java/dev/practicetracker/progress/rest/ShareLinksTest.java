package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.progress.event.ProgressEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Share links: the owner's SVGs served without a token while the link exists, 404 once it is deleted
 * or its owner erased, and the token in no other answer and no log line.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ShareLinksTest {

    private static final String TOKEN_URL = "^/public/progress/[A-Za-z0-9_-]{43}\\.svg$";

    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** Every log record of the service while a test runs, formatted as its handlers would write it. */
    private final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            logLines.add((parameters == null ? message : message + " " + List.of(parameters)) + " "
                    + (record.getThrown() == null ? "" : record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger(ShareLinksTest.class.getName()).info("capturing the service's log lines");
        assertThat(logLines).as("the root logger's handler sees the log lines").isNotEmpty();
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aLinkServesTheCurrentSvgWithoutATokenUntilItIsRevoked() {
        UUID skill = publishSkill(user, "Shared skill");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, today.minusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC), 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, today.atTime(9, 0).toInstant(ZoneOffset.UTC), 30, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from user_progress where user_id = ? and total_sessions = 2", user) == 1);

        String badge = create(Map.of("kind", "badge"));
        String calendar = create(Map.of("kind", "calendar", "skill_id", skill.toString()));
        assertThat(List.of(badge, calendar)).allMatch(url -> url.matches(TOKEN_URL));

        Response served = given().when().get(badge);
        served.then().statusCode(200).contentType("image/svg+xml").header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age=300")).body(containsString("2 days"));
        String etag = served.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).when().get(badge).then().statusCode(304);
        given().when().get(calendar).then().statusCode(200).contentType("image/svg+xml").body(containsString("data-date=\"" + today + "\""));

        List<Map<String, Object>> listed = given().auth().oauth2(token()).when().get("/progress/share-links").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(listed).extracting(link -> link.get("url")).containsExactlyInAnyOrder(badge, calendar);
        String badgeId = (String) listed.stream().filter(link -> link.get("kind").equals("badge")).findFirst().orElseThrow().get("id");

        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID())).when().delete("/progress/share-links/" + badgeId).then().statusCode(404);
        given().when().get(badge).then().statusCode(200);
        given().auth().oauth2(token()).when().delete("/progress/share-links/" + badgeId).then().statusCode(204);
        given().when().get(badge).then().statusCode(404);
        given().when().get(calendar).then().statusCode(200);
        assertTokensNowhereElse(List.of(badge, calendar), skill);
    }

    @Test
    void anErasedUsersLinksAnswer404() {
        UUID skill = publishSkill(user, "Soon erased");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", skill) == 1);
        String badge = create(Map.of("kind", "badge"));
        String calendar = create(Map.of("kind", "calendar", "skill_id", skill.toString()));
        given().when().get(calendar).then().statusCode(200);

        ProgressEvents.publishErasure(user);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from share_links where user_id = ?", user) == 0);
        given().when().get(badge).then().statusCode(404);
        given().when().get(calendar).then().statusCode(404);
    }

    @Test
    void aLinkNeedsTheCallersOwnSkillForACalendarAndNoneForABadge() {
        UUID theirs = publishSkill(UUID.randomUUID(), "Someone else's");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*) from skills where id = ?", theirs) == 1);
        post(Map.of("kind", "calendar", "skill_id", theirs.toString())).then().statusCode(404);
        post(Map.of("kind", "calendar")).then().statusCode(400);
        post(Map.of("kind", "badge", "skill_id", theirs.toString())).then().statusCode(400);
        post(Map.of("kind", "poster")).then().statusCode(400);
        given().when().get("/public/progress/" + "A".repeat(43) + ".svg").then().statusCode(404);
        assertThat(TestDatabase.count("select count(*) from share_links where user_id = ?", user)).isZero();
    }

    /** The links' tokens are in no answer but the owner's link responses, and in no log line. */
    private void assertTokensNowhereElse(List<String> urls, UUID skill) {
        List<String> tokens = urls.stream().map(url -> url.substring("/public/progress/".length(), url.length() - ".svg".length())).toList();
        List<String> answers = List.of(
                given().auth().oauth2(token()).when().get("/progress").then().extract().asString(),
                given().auth().oauth2(token()).when().get("/progress/skills/" + skill).then().extract().asString(),
                given().auth().oauth2(token()).when().get("/progress/settings").then().extract().asString(),
                given().when().get(urls.get(0)).then().extract().asString(),
                given().when().get(urls.get(1)).then().extract().asString(),
                given().when().get(urls.get(0).replace(".svg", "x.svg")).then().extract().asString());
        for (String token : tokens) {
            assertThat(answers).noneMatch(answer -> answer.contains(token));
            assertThat(logLines).noneMatch(line -> line.contains(token));
        }
    }

    private String create(Map<String, Object> link) {
        return post(link).then().statusCode(201).body("kind", equalTo(link.get("kind"))).extract().jsonPath().getString("url");
    }

    private Response post(Map<String, Object> link) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(link).when().post("/progress/share-links");
    }

    private String token() {
        return TestTokens.forUser(user);
    }
}
