package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.practicelog.transfer.SkillsServiceStub;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /practice-logs/import?source=}: one sample export per tracker, made by hand to its
 * documented format (the header lines the real exports carry), read in the caller's zone. The
 * skills-service is {@link SkillsServiceStub} here; the whole stack's tests use the real one.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
@WithTestResource(SkillsServiceStub.class)
class ForeignImportTest {

    private static final String BERLIN = "Europe/Berlin";

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user, BERLIN);
    private UUID guitar;
    private UUID spanish;

    @BeforeEach
    void skillsNamedInTheSamples() {
        guitar = SkillEvents.namedSkillKnownToService(user, "Guitar");
        spanish = SkillEvents.namedSkillKnownToService(user, "spanish");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "toggl, toggl-detailed.csv, text/csv, 3", "clockify, clockify-detailed.csv, text/csv, 2",
            "loop, loop-checkmarks.csv, text/csv, 4", "wakatime, wakatime-dump.json, application/json, 2" })
    void theSameExportImportedTwiceCreatesNothingTheSecondTime(String source, String sample, String contentType, int entries) {
        importFile(source, sample, contentType, "").statusCode(201)
                .body("imported", equalTo(entries)).body("skipped", equalTo(0)).body("skills_created", empty());
        assertThat(logsOfUser()).isEqualTo(entries);

        importFile(source, sample, contentType, "").statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(entries)).body("skills_created", empty());
        assertThat(logsOfUser()).isEqualTo(entries);
    }

    @Test
    void togglEntriesBecomeLogsAtTheirLocalStartWithTheirMinutesAndDescription() {
        importFile("toggl", "toggl-detailed.csv", "text/csv", "").statusCode(201);

        JsonPath logs = api.request().queryParam("limit", 10).when().get("/practice-logs").then().statusCode(200).extract().jsonPath();
        // newest first; Berlin is UTC+1 in November
        assertThat(logs.getList("items.date_practiced")).containsExactly("2026-11-03T20:05:00Z", "2026-11-03T17:00:00Z",
                "2026-11-02T06:30:00Z");
        assertThat(logs.getList("items.duration", Integer.class)).containsExactly(30, 21, 45);
        assertThat(logs.getList("items.skill_id")).containsExactly(spanish.toString(), guitar.toString(), guitar.toString());
        assertThat(logs.getList("items.description")).containsExactly("Flashcards, 200 words", "Guitar (from Toggl Track)",
                "Scales and arpeggios in G major");
    }

    @Test
    void clockifyLoopAndWakaTimeReadTheirDatesTimesAndTotals() {
        importFile("clockify", "clockify-detailed.csv", "text/csv", "").statusCode(201);
        importFile("loop", "loop-checkmarks.csv", "text/csv", "&default_duration=25").statusCode(201);
        importFile("wakatime", "wakatime-dump.json", "application/json", "").statusCode(201);

        JsonPath logs = api.request().queryParam("limit", 20).when().get("/practice-logs").then().statusCode(200).extract().jsonPath();
        List<String> dates = logs.getList("items.date_practiced");
        List<Integer> minutes = logs.getList("items.duration", Integer.class);
        // WakaTime's days and Loop's check-marks at local midday; Clockify's 12-hour times
        assertThat(dates).containsExactly("2026-11-07T11:00:00Z", "2026-11-07T11:00:00Z", "2026-11-06T11:00:00Z",
                "2026-11-05T11:00:00Z", "2026-11-05T06:10:00Z", "2026-11-04T17:30:00Z", "2026-11-03T11:00:00Z", "2026-11-03T11:00:00Z");
        assertThat(minutes.subList(0, 2)).containsExactlyInAnyOrder(60, 30);
        assertThat(minutes.subList(2, 8)).containsExactly(25, 25, 30, 45, 25, 25);
    }

    @Test
    void aLogDeletedSinceComesBackAndTheOthersAreSkipped() {
        importFile("toggl", "toggl-detailed.csv", "text/csv", "").statusCode(201);
        String newest = api.request().queryParam("limit", 1).when().get("/practice-logs").then().extract().path("items[0].id");
        api.delete(newest).statusCode(204);

        importFile("toggl", "toggl-detailed.csv", "text/csv", "").statusCode(201).body("imported", equalTo(1)).body("skipped", equalTo(2));
        assertThat(logsOfUser()).isEqualTo(3);
    }

    @Test
    void anEntryRepeatedInTheFileIsImportedOnce() {
        String csv = sample("toggl-detailed.csv");
        String repeated = csv + csv.lines().skip(1).findFirst().orElseThrow() + "\n";

        importBody("toggl", repeated, "text/csv", "").statusCode(201).body("imported", equalTo(3)).body("skipped", equalTo(1));
    }

    @Test
    void aDryRunWritesNothing() {
        importFile("loop", "loop-checkmarks.csv", "text/csv", "&dry_run=true").statusCode(200)
                .body("dry_run", equalTo(true)).body("valid_rows", equalTo(4)).body("skipped", equalTo(0));
        assertThat(logsOfUser()).isZero();
    }

    @ParameterizedTest(name = "{0}: row {3}, {4}")
    @CsvSource(delimiter = '|', value = {
            "toggl|toggl-detailed.csv|00:20:30|2|Duration|must be hours:minutes:seconds like 01:15:00|twenty minutes",
            "toggl|toggl-detailed.csv|2026-11-03,18:00:00|2|Start date|must be a date like 2026-11-21|2026-13-03,18:00:00",
            "toggl|toggl-detailed.csv|00:45:00|1|Duration|must be less than or equal to 1440|25:00:00",
            "clockify|clockify-detailed.csv|07:10:00 AM|2|Start Time|must be a time like 18:30:00 or 06:30:00 PM|27:10:00",
            "loop|loop-checkmarks.csv|YES_AUTO,YES_MANUAL|2|Spanish|is not a Loop check-mark value|YES_AUTO,MAYBE",
            "wakatime|wakatime-dump.json|1789.6|1|days[0].projects[1].grand_total.total_seconds|must be a number of seconds|\"lots\"" })
    void aBrokenEntryIsNamedByItsRowAndFieldAndNothingIsWritten(String source, String sample, String good, int row, String field,
            String message, String broken) {
        String document = sample(sample).replace(good, broken);
        String contentType = sample.endsWith(".json") ? "application/json" : "text/csv";

        importBody(source, document, contentType, "").statusCode(400).contentType(LogsApi.PROBLEM_JSON)
                .body("violations", hasSize(1))
                .body("violations[0].row", equalTo(row)).body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(message));
        assertThat(logsOfUser()).isZero();
    }

    @Test
    void aProjectThatIsNoSkillOfTheCallerIsARowErrorWithoutCreateSkills() {
        String document = sample("toggl-detailed.csv").replace(",Spanish,", ",Portuguese,");

        importBody("toggl", document, "text/csv", "").statusCode(400)
                .body("violations[0].row", equalTo(3)).body("violations[0].field", equalTo("Project"))
                .body("violations[0].message", containsString("create_skills=true"));
        assertThat(logsOfUser()).isZero();
    }

    @Test
    void withCreateSkillsTheSkillsServiceCreatesTheMissingOnesOnceAndTheLogsNameThem() {
        String document = sample("toggl-detailed.csv").replace(",Spanish,", ",Portuguese,");

        importBody("toggl", document, "text/csv", "&create_skills=true&dry_run=true").statusCode(200)
                .body("skills_to_create", equalTo(List.of("Portuguese"))).body("valid_rows", equalTo(3));
        assertThat(logsOfUser()).isZero();
        importBody("toggl", document, "text/csv", "&create_skills=true").statusCode(201)
                .body("imported", equalTo(3)).body("skills_created", equalTo(List.of("Portuguese")));

        assertThat(TestDatabase.count("select count(*) from practice_logs l join known_skills k on k.id = l.skill_id"
                + " where l.user_id = ? and k.name = 'Portuguese'", user)).isEqualTo(1);
        importBody("toggl", sample("toggl-detailed.csv").replace(",Spanish,", ",portuguese,").replace("21:05:00", "22:05:00"),
                "text/csv", "&create_skills=true").statusCode(201).body("imported", equalTo(1)).body("skills_created", empty());
    }

    @Test
    void aSkillMadeAMomentAgoIsFoundByNameWithoutCreateSkills() {
        UUID portuguese = SkillsServiceStub.madeAMomentAgo(user, "Portuguese");

        importBody("toggl", sample("toggl-detailed.csv").replace(",Spanish,", ",Portuguese,"), "text/csv", "").statusCode(201)
                .body("imported", equalTo(3)).body("skills_created", empty());
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ? and skill_id = ?", user, portuguese))
                .isEqualTo(1);
    }

    @Test
    void aSkillsServiceThatCannotAnswerIs503AndNothingIsWritten() {
        String document = sample("toggl-detailed.csv").replace(",Spanish,", ",Unreachable skill,");

        importBody("toggl", document, "text/csv", "&create_skills=true").statusCode(503).contentType(LogsApi.PROBLEM_JSON);
        assertThat(logsOfUser()).isZero();
    }

    @Test
    void anUnknownSourceOrAnotherTrackersHeaderIs400() {
        importFile("harvest", "toggl-detailed.csv", "text/csv", "").statusCode(400).body("violations[0].field", equalTo("source"));
        importFile("clockify", "toggl-detailed.csv", "text/csv", "").statusCode(400)
                .body("violations[0].field", equalTo("header")).body("violations[0].message", containsString("Duration (h)"));
        importFile("loop", "toggl-detailed.csv", "text/csv", "").statusCode(400).body("violations[0].field", equalTo("header"));
        importFile("wakatime", "toggl-detailed.csv", "text/csv", "").statusCode(400).body("violations[0].field", equalTo("body"));
        importBody("wakatime", "{\"days\":[]}", "application/json", "").statusCode(400)
                .body("violations.message", hasItem(containsString("no entries")));
    }

    private ValidatableResponse importFile(String source, String sample, String contentType, String query) {
        return importBody(source, sample(sample), contentType, query);
    }

    private ValidatableResponse importBody(String source, String document, String contentType, String query) {
        return api.request().contentType(contentType + "; charset=UTF-8").body(document)
                .when().post("/practice-logs/import?source=" + source + query).then();
    }

    private long logsOfUser() {
        return TestDatabase.count("select count(*) from practice_logs where user_id = ?", user);
    }

    private static String sample(String name) {
        try (InputStream in = ForeignImportTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
