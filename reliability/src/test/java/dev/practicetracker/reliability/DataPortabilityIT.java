package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.local.Service;
import dev.practicetracker.reliability.Client.Response;

/**
 * Data in and out across the whole stack: another tracker's export imported with the skills it names
 * created; the whole account exported, holding every row the erasure then deletes.
 */
class DataPortabilityIT {

    private static final String TOGGL_HEADER = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
            + "End time,Duration,Tags,Amount ()\n";

    private static Practice practice;

    @BeforeAll
    static void theStack() throws Exception {
        practice = Practice.shared();
    }

    @Test
    void aTogglImportCreatesTheSkillsItNamesThroughTheSkillsServiceAndTheSameFileAgainCreatesNothing() {
        UUID user = UUID.randomUUID();
        String token = practice.token(user);
        Response guitar = Client.post(practice.url(Service.SKILLS, "/skills"), token, Map.of("name", "Guitar"));
        assertThat(guitar.status()).as(guitar.body()).isEqualTo(201);
        String export = TOGGL_HEADER
                + "Ada,ada@example.com,,Guitar,,Scales and arpeggios,No,2026-11-02,07:30:00,2026-11-02,08:15:00,00:45:00,,\n"
                + "Ada,ada@example.com,,Spanish,,Flashcards with audio,No,2026-11-02,20:00:00,2026-11-02,20:25:00,00:25:00,,\n"
                + "Ada,ada@example.com,,spanish,,A podcast episode,No,2026-11-03,07:00:00,2026-11-03,07:20:00,00:20:00,,\n";

        Response first = importToggl(token, export);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("imported").asInt()).isEqualTo(3);
        assertThat(first.json().path("skills_created").toString()).isEqualTo("[\"Spanish\"]");
        JsonNode found = Client.get(practice.url(Service.SKILLS, "/skills?q=spanish"), token).json().path("items");
        assertThat(found).hasSize(1);
        String spanish = found.get(0).path("id").asText();
        assertThat(found.get(0).path("name").asText()).isEqualTo("Spanish");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(practice.readAll("skill-events").stream()
                .filter(record -> spanish.equals(header(record, "ce_subject")) && "skill.created.v1".equals(header(record, "ce_type"))))
                .as("skill.created.v1 of the skill the import created").hasSize(1));
        assertThat(practice.count(Service.PRACTICE_LOG, "select count(*) from practice_logs where user_id = ?::uuid and skill_id = ?::uuid",
                user.toString(), spanish)).isEqualTo(2);
        practice.awaitProgress(token, spanish, 2, 45, Duration.ofSeconds(30));

        Response again = importToggl(token, export);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("skipped").asInt()).isEqualTo(3);
        assertThat(again.json().path("skills_created").toString()).isEqualTo("[]");
        assertThat(practice.count(Service.SKILLS, "select count(*) from skills where user_id = ?::uuid", user.toString())).isEqualTo(2);
        assertThat(practice.count(Service.PRACTICE_LOG, "select count(*) from practice_logs where user_id = ?::uuid", user.toString()))
                .isEqualTo(3);
    }

    @Test
    void theAccountsExportHoldsEveryRowTheErasureThenDeletes() throws Exception {
        UUID user = UUID.randomUUID();
        String token = practice.token(user);
        Map<String, Object> roadmap = Map.of("levels", List.of(Map.of("level", 1, "title", "Basics", "milestones",
                List.of(Map.of("id", "m1", "title", "First steps", "estimated_minutes", 30),
                        Map.of("id", "m2", "title", "Second steps", "estimated_minutes", 30)))));
        String guitar = created(Client.post(practice.url(Service.SKILLS, "/skills"), token, Map.of("name", "Guitar")));
        Response planned = Client.send("PUT", practice.url(Service.SKILLS, "/skills/" + guitar + "/roadmap"), token, roadmap, Map.of());
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        String spanish = created(Client.post(practice.url(Service.SKILLS, "/skills"), token, Map.of("name", "Spanish")));
        assertThat(Client.patch(practice.url(Service.SKILLS, "/skills/" + guitar + "/milestones/m1"), token,
                Map.of("status", "in_progress")).status()).isEqualTo(200);
        String log = created(practice.postLog(token, guitar, 30));
        created(practice.postLog(token, guitar, 20));
        created(practice.postLog(token, spanish, 15));
        created(Client.post(practice.url(Service.PRACTICE_LOG, "/practice-sessions"), token, Map.of("skill_id", spanish)));
        created(Client.post(practice.url(Service.EVIDENCE, "/evidence"), token,
                Map.of("type", "note", "text", "Proof of practice", "practice_log_id", log)));
        created(Client.post(practice.url(Service.EVIDENCE, "/evidence"), token,
                Map.of("type", "link", "url", "https://example.com/lesson", "skill_id", spanish)));
        assertThat(Client.send("PUT", practice.url(Service.PROGRESS, "/progress/goals"), token, Map.of("weekly_minutes", 120), Map.of())
                .status()).isEqualTo(200);
        assertThat(Client.send("PUT", practice.url(Service.PROGRESS, "/progress/skills/" + guitar + "/goal"), token,
                Map.of("weekly_sessions", 3), Map.of()).status()).isEqualTo(200);
        assertThat(Client.send("PUT", practice.url(Service.PROGRESS, "/progress/settings"), token, Map.of("streak_min_minutes", 10),
                Map.of()).status()).isEqualTo(200);
        created(Client.send("PUT", practice.url(Service.PROGRESS, "/progress/skip-days"), token,
                Map.of("from", "2026-12-20", "to", "2026-12-27", "reason", "Holidays"), Map.of()));
        created(Client.post(practice.url(Service.PROGRESS, "/progress/share-links"), token, Map.of("kind", "badge")));
        Map<String, Long> before = rowsOf(user);
        assertThat(before.values()).as("rows of the user in each table: %s", before).allMatch(rows -> rows > 0);

        Response export = Client.get(practice.url(Service.SKILLS, "/users/me/export"), token);

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/json");
        JsonNode document = export.json();
        assertThat(document.path("user_id").asText()).isEqualTo(user.toString());
        assertThat(ids(document.path("skills"))).containsExactlyInAnyOrderElementsOf(
                practice.ids(Service.SKILLS, "select id::text from skills where user_id = ?::uuid", user.toString()));
        Set<String> milestonesExported = new HashSet<>();
        for (JsonNode skill : document.path("skills")) {
            for (JsonNode milestone : skill.path("milestones")) {
                milestonesExported.add(skill.path("id").asText() + "|" + milestone.path("id").asText() + "|" + milestone.path("status").asText());
            }
        }
        Set<String> milestonesStored = practice.ids(Service.SKILLS, "select skill_id::text || '|' || milestone_id || '|' || status"
                + " from milestone_progress where user_id = ?::uuid", user.toString());
        assertThat(milestonesExported).as("each milestone's stored state").containsAll(milestonesStored);
        assertThat(StreamSupport.stream(document.path("skills").spliterator(), false).mapToInt(skill -> skill.path("milestones").size())
                .sum()).as("milestones exported").isEqualTo(2);
        assertThat(ids(document.path("practice_logs"))).containsExactlyInAnyOrderElementsOf(
                practice.ids(Service.PRACTICE_LOG, "select id::text from practice_logs where user_id = ?::uuid", user.toString()));
        assertThat(ids(document.path("practice_sessions"))).containsExactlyInAnyOrderElementsOf(
                practice.ids(Service.PRACTICE_LOG, "select id::text from practice_sessions where user_id = ?::uuid", user.toString()));
        assertThat(ids(document.path("evidence"))).containsExactlyInAnyOrderElementsOf(
                practice.ids(Service.EVIDENCE, "select id::text from evidence where user_id = ?::uuid", user.toString()));
        JsonNode progress = document.path("progress");
        assertThat(progress.path("goals").path("weekly_minutes").asInt()).isEqualTo(120);
        assertThat(progress.path("goals").path("skills")).hasSize((int) (long) before.get("skill_goals"));
        assertThat(progress.path("settings").path("streak_min_minutes").asInt()).isEqualTo(10);
        assertThat(progress.path("skip_days")).hasSize((int) (long) before.get("skip_days"));
        assertThat(progress.path("share_links")).hasSize((int) (long) before.get("share_links"));
        Map<String, Long> exported = Map.of("skills", (long) document.path("skills").size(),
                "milestone_progress", milestonesStored.stream().filter(milestonesExported::contains).count(),
                "practice_logs", (long) document.path("practice_logs").size(),
                "practice_sessions", (long) document.path("practice_sessions").size(),
                "evidence", (long) document.path("evidence").size(),
                "goals", progress.path("goals").path("weekly_minutes").isNull() ? 0L : 1L,
                "skill_goals", (long) progress.path("goals").path("skills").size(),
                "progress_settings", progress.path("settings").path("version").asLong() > 0 ? 1L : 0L,
                "skip_days", (long) progress.path("skip_days").size(),
                "share_links", (long) progress.path("share_links").size());
        assertThat(exported).as("rows exported per table").isEqualTo(before);

        assertThat(Client.delete(practice.url(Service.SKILLS, "/users/me"), token).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rowsOf(user)).as("rows left after the erasure")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero()));
    }

    /** The user's rows in each table the erasure empties of what the user stored. */
    private static Map<String, Long> rowsOf(UUID user) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Service> tables = Map.of("skills", Service.SKILLS, "milestone_progress", Service.SKILLS,
                "practice_logs", Service.PRACTICE_LOG, "practice_sessions", Service.PRACTICE_LOG, "evidence", Service.EVIDENCE,
                "goals", Service.PROGRESS, "skill_goals", Service.PROGRESS, "progress_settings", Service.PROGRESS,
                "skip_days", Service.PROGRESS, "share_links", Service.PROGRESS);
        tables.forEach((table, service) -> rows.put(table,
                practice.count(service, "select count(*) from " + table + " where user_id = ?::uuid", user.toString())));
        return rows;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private static Response importToggl(String token, String export) {
        return Client.send("POST", practice.url(Service.PRACTICE_LOG, "/practice-logs/import?source=toggl&create_skills=true"), token,
                export, Map.of("Content-Type", "text/csv"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
