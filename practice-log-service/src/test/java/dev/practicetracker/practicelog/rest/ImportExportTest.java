package dev.practicetracker.practicelog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.practicetracker.events.Topics;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ImportExportTest {

    private static final String CSV = "text/csv";
    private static final String HEADER = "skill_id,date_practiced,duration,description,difficulty_rating\n";

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user);
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = SkillEvents.skillKnownToService(user, "m1");
    }

    @Test
    void aCsvSpreadsheetIsImportedWithQuotedCells() {
        String csv = HEADER
                + skill + ",2026-11-01T10:00:00Z,30,\"Scales, arpeggios and \"\"etudes\"\"\",3\n"
                + skill + ",2026-11-02T10:00:00Z,45,\"Two lines\nof notes\",\n";

        importCsv(csv).statusCode(201).body("imported", equalTo(2));

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ? and description = ?", user,
                "Scales, arpeggios and \"etudes\"")).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ? and description = ?", user,
                "Two lines\nof notes")).isEqualTo(1);
    }

    @Test
    void rowsMayNameTheirSkill() {
        // SkillEvents names each skill "Skill <id>"; names match case-insensitively
        String csv = "skill_name,date_practiced,duration,description\n"
                + ("Skill " + skill).toUpperCase() + ",2026-11-01T10:00:00Z,30,Named by its skill\n";

        importCsv(csv).statusCode(201).body("imported", equalTo(1));
    }

    @Test
    void oneBadRowStoresNothingAndEveryBadRowIsListed() {
        String csv = HEADER
                + skill + ",2026-11-01T10:00:00Z,30,A perfectly fine row,3\n"
                + skill + ",2026-11-01T10:00:00Z,0,Zero minutes is not practice,3\n"
                + skill + ",2026-11-01T10:00:00Z,30,A second fine row,3\n"
                + SkillEvents.skillKnownToService(UUID.randomUUID()) + ",not a date,30,Someone else's skill and no date,9\n";

        importCsv(csv).statusCode(400).contentType(LogsApi.PROBLEM_JSON)
                .body("violations.row", equalTo(List.of(2, 4, 4, 4)))
                .body("violations.field", equalTo(List.of("duration", "skill_id", "date_practiced", "difficulty_rating")));

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    @Test
    void aDryRunValidatesOnly() {
        api.request().contentType(CSV).body(HEADER + skill + ",2026-11-01T10:00:00Z,30,Only checked not stored,\n")
                .queryParam("dry_run", true)
                .when().post("/practice-logs/import").then().statusCode(200)
                .body("valid_rows", equalTo(1))
                .body("dry_run", equalTo(true));

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    @Test
    void aJsonArrayIsImportedToo() {
        List<Map<String, Object>> rows = List.of(
                Map.of("skill_id", skill.toString(), "date_practiced", "2026-11-01T10:00:00Z", "duration", 20,
                        "description", "From a JSON import", "milestone_id", "m1"),
                Map.of("skill_id", skill.toString(), "date_practiced", "2026-11-02T10:00:00Z", "duration", 25,
                        "description", "Also from JSON", "activity_type", "reading"));

        api.request().contentType(ContentType.JSON).body(rows).when().post("/practice-logs/import").then().statusCode(201)
                .body("imported", equalTo(2));
        api.request().contentType(ContentType.JSON).body(List.of(Map.of("skill_id", skill.toString(), "duration", "long")))
                .when().post("/practice-logs/import").then().statusCode(400)
                .body("violations.field", equalTo(List.of("duration", "date_practiced", "description")));
    }

    @Test
    void tenThousandRowsCommitInOneGoAndPublishTenThousandEvents() {
        StringBuilder csv = new StringBuilder(HEADER);
        Instant start = Instant.parse("2026-01-01T07:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            csv.append(skill).append(',').append(start.plusSeconds(60L * i)).append(",15,Imported row number ").append(i).append(",2\n");
        }

        importCsv(csv.toString()).statusCode(201).body("imported", equalTo(10_000));

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isEqualTo(10_000);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            assertThat(probe.awaitRecords(record -> user.toString().equals(record.key()), 10_000)).hasSize(10_000);
        }
    }

    @Test
    void importedLogsGetTimeOrderedIdsInRowOrder() {
        String csv = HEADER
                + skill + ",2026-11-03T10:00:00Z,30,Imported row 1,3\n"
                + skill + ",2026-11-01T10:00:00Z,30,Imported row 2,3\n"
                + skill + ",2026-11-02T10:00:00Z,30,Imported row 3,3\n";

        importCsv(csv).statusCode(201).body("imported", equalTo(3));

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ? and uuid_extract_version(id) = 7", user))
                .isEqualTo(3);
        assertThat(TestDatabase.count("select count(*) from (select description, row_number() over (order by id) as n"
                + " from practice_logs where user_id = ?) logs where description = 'Imported row ' || n", user)).isEqualTo(3);
    }

    @Test
    void anImportWhoseEventsCannotBeWrittenLeavesNoLogBehind() {
        TestDatabase.execute("create or replace function refuse_event() returns trigger language plpgsql as"
                + " $$ begin raise exception 'refused by the test'; end $$");
        TestDatabase.execute("create trigger refuse_poisoned_event before insert on outbox for each row"
                + " when (new.payload like '%Poisoned import row%') execute function refuse_event()");
        try {
            importCsv(HEADER + skill + ",2026-11-01T10:00:00Z,30,Healthy import row,3\n"
                    + skill + ",2026-11-02T10:00:00Z,30,Poisoned import row,3\n")
                    .statusCode(500)
                    .body(not(containsString("refused by the test")));
        } finally {
            TestDatabase.execute("drop trigger refuse_poisoned_event on outbox");
        }

        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", user)).isZero();
    }

    @Test
    void moreThanTenThousandRowsAreRefused() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10_001; i++) {
            csv.append(skill).append(",2026-11-01T10:00:00Z,15,Row number ").append(i).append(",\n");
        }

        importCsv(csv.toString()).statusCode(400).body("violations[0].field", equalTo("body"));
    }

    @Test
    void anImportOverTenMebibytesIsTooLarge() {
        String csv = HEADER + skill + ",2026-11-01T10:00:00Z,15," + "x".repeat(10 * 1024 * 1024) + ",\n";

        importCsv(csv).statusCode(413).contentType(LogsApi.PROBLEM_JSON);
    }

    @Test
    void aCsvWithoutTheNeededColumnsIsRefused() {
        importCsv("skill_id,duration\n" + skill + ",30\n").statusCode(400).body("violations[0].field", equalTo("header"));
    }

    @Test
    void theCsvExportNeutralisesFormulas() throws Exception {
        for (String description : List.of("=HYPERLINK(\"http://evil\")", "+1+1 is a formula", "-2 minus too",
                "@SUM(A1:A2) as well", "An honest description")) {
            api.post(Map.of("skill_id", skill.toString(), "date_practiced", "2026-11-01T10:00:00Z", "duration", 10,
                    "description", description)).statusCode(201);
        }

        String csv = api.request().queryParam("format", "csv").when().get("/practice-logs/export").then().statusCode(200)
                .contentType(CSV).extract().asString();

        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(csv))) {
            List<String> descriptions = rows.readAll().stream().map(row -> row.get("description")).toList();
            assertThat(descriptions).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil\")", "'+1+1 is a formula",
                    "'-2 minus too", "'@SUM(A1:A2) as well", "An honest description");
        }
    }

    @Test
    void theJsonExportIsTheCallersHistoryWithTheFilters() {
        UUID other = SkillEvents.skillKnownToService(user);
        api.create(skill, Instant.parse("2026-11-01T10:00:00Z"), 10);
        api.create(other, Instant.parse("2026-11-02T10:00:00Z"), 20);

        api.request().queryParam("format", "json").queryParam("skill_id", skill.toString())
                .when().get("/practice-logs/export").then().statusCode(200).contentType(ContentType.JSON)
                .body("duration", equalTo(List.of(10)));
        api.request().queryParam("format", "json").when().get("/practice-logs/export").then().statusCode(200)
                .body("duration", equalTo(List.of(20, 10)));
        api.request().queryParam("format", "xml").when().get("/practice-logs/export").then().statusCode(400);
    }

    private ValidatableResponse importCsv(String csv) {
        return api.request().contentType(CSV).body(csv).when().post("/practice-logs/import").then();
    }
}
