package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import dev.practicetracker.events.EventTypes;
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
class ProgressSvgTest {

    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theHeatmapIsValidSvgWithADayCellForEveryDayOfTheRange() throws Exception {
        UUID skill = publishSkill(user, "Piano <&> \"Scales\"");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, today.minusDays(2).atTime(8, 0).toInstant(ZoneOffset.UTC), 75, 1));
        await().until(() -> given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill)
                .then().extract().path("total_sessions"), sessions -> Integer.valueOf(1).equals(sessions));

        String svg = given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill + "/calendar.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        Document document = parse(svg);

        LocalDate firstMonday = today.minusWeeks(51).with(DayOfWeek.MONDAY);
        long days = ChronoUnit.DAYS.between(firstMonday, today) + 1;
        NodeList cells = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='rect'][@class='day']", document,
                XPathConstants.NODESET);
        assertThat(cells.getLength()).isEqualTo(days);
        String practised = XPathFactory.newInstance().newXPath().evaluate(
                "//*[local-name()='rect'][@data-date='" + today.minusDays(2) + "']/*[local-name()='title']", document);
        assertThat(practised).isEqualTo(today.minusDays(2) + ": 1 session, 75 min");
        assertThat(svg).contains("Piano &lt;&amp;&gt; &quot;Scales&quot;").doesNotContain("<script");
    }

    @Test
    void aChosenRangeHasExactlyItsDays() throws Exception {
        UUID skill = publishSkill(user, "Chess");
        await().until(() -> given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill).statusCode() == 200);

        String svg = given().auth().oauth2(TestTokens.forUser(user)).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .when().get("/progress/skills/" + skill + "/calendar.svg").then().statusCode(200).extract().asString();

        NodeList cells = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='rect'][@class='day']", parse(svg),
                XPathConstants.NODESET);
        assertThat(cells.getLength()).isEqualTo(31);
    }

    @Test
    void theBadgeIsValidSvgShowingTheStreak() throws Exception {
        UUID skill = publishSkill(user, "Running");
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, today.atTime(6, 0).toInstant(ZoneOffset.UTC), 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, today.minusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC), 30, 1));

        String svg = await().until(() -> given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/badge.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString(), badge -> badge.contains("2 days"));

        Document document = parse(svg);
        assertThat(XPathFactory.newInstance().newXPath().evaluate("/*[local-name()='svg']/*[local-name()='title']", document))
                .isEqualTo("practice streak: 2 days");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
