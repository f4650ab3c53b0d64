package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.local.Service;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.reliability.Scoreboard.Row;

/**
 * Random and hostile values in every field of every creating and updating operation (the
 * operations come from the services' OpenAPI documents, so a new one without a case here fails):
 * the answer is always a 2xx or a 4xx problem+json that gives nothing of the implementation away,
 * never a 5xx, and a rejected request leaves the service's database as it was.
 */
class BadInputIT {

    private static final long SEED = 20261122L;
    private static final int EXAMPLES_PER_FIELD = 12;
    private static final List<String> INTERNALS = List.of("Exception", "at java.", "at io.", "at org.", "org.hibernate",
            "io.vertx", "SQLSTATE", "syntax error", "postgres", "jackson");

    private static Practice practice;
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong SERVER_ERRORS = new AtomicLong();

    /**
     * A creating or updating operation (its OpenAPI path and the concrete one), with a body its
     * caller's resources make valid; an import takes an array of such bodies.
     */
    private record Case(Service service, String method, String template, String path, Map<String, Object> validBody, boolean rows,
            String adminToken) {

        Case(Service service, String method, String template, String path, Map<String, Object> validBody) {
            this(service, method, template, path, validBody, false, null);
        }

        /** An admin's operation (the catalogue of templates), sent with an admin's token. */
        static Case asAdmin(Service service, String method, String template, String path, Map<String, Object> validBody,
                String adminToken) {
            return new Case(service, method, template, path, validBody, false, adminToken);
        }

        Object wrap(Object body) {
            return rows ? List.of(body) : body;
        }

        String operation() {
            return method + " " + template;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        practice = Practice.shared();
    }

    @AfterAll
    static void summary() throws Exception {
        Scoreboard.record(new Row("bad input: hostile values in every field (QuickTheories, seed " + SEED + ")", REQUESTS.get(), 0, 0,
                SERVER_ERRORS.get(), Double.NaN, "2xx or 4xx problem+json; rejected requests change nothing"));
        Scoreboard.print(Path.of("target", "reliability-summary.md"));
    }

    @Test
    void everyFieldOfEveryWritingOperationSurvivesHostileValues() throws Exception {
        UUID user = UUID.randomUUID();
        String token = practice.token(user);
        List<Case> cases = cases(token);
        assertThat(cases.stream().map(Case::operation).toList())
                .as("every creating or updating operation of the APIs has a case")
                .containsAll(writingOperations());

        for (Case operation : cases) {
            for (String field : operation.validBody().keySet()) {
                qt().withFixedSeed(SEED).withExamples(EXAMPLES_PER_FIELD).forAll(hostileValues()).checkAssert(value -> {
                    Map<String, Object> body = new LinkedHashMap<>(operation.validBody());
                    body.put(field, value);
                    assertSafe(operation, token, user, operation.wrap(body), field + " = " + abbreviated(value));
                });
            }
            qt().withFixedSeed(SEED).withExamples(EXAMPLES_PER_FIELD).forAll(wholeBodies(operation.validBody()))
                    .checkAssert(body -> assertSafe(operation, token, user, body instanceof Map ? operation.wrap(body) : body,
                            "body " + abbreviated(body)));
        }
    }

    @Test
    void bodiesOverTheLimitAndNotJsonAreRefusedCleanly() {
        UUID user = UUID.randomUUID();
        String token = practice.token(user);
        // over the 1 MiB limit of a JSON body (the server reads it and answers 413)
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        for (Object body : List.of(huge, "not json", "{\"name\":", "[1,2,3]", "", "{\"name\":\"a\"}{\"name\":\"b\"}")) {
            Response answer = Client.send("POST", practice.url(Service.SKILLS, "/skills"), token, body, Map.of());
            REQUESTS.incrementAndGet();
            assertThat(answer.status()).as("POST /skills with %s", abbreviated(body)).isBetween(400, 499);
        }
        assertThat(practice.count(Service.SKILLS, "select count(*) from skills where user_id = ?::uuid", user.toString())).isZero();
    }

    private static void assertSafe(Case operation, String token, UUID user, Object body, String what) {
        String before = state(operation.service(), user);
        Response answer = Client.send(operation.method(), practice.url(operation.service(), operation.path()),
                operation.adminToken() != null ? operation.adminToken() : token, body,
                operation.method().equals("PATCH") ? Map.of("Content-Type", "application/merge-patch+json") : Map.of());
        REQUESTS.incrementAndGet();
        if (answer.isServerError() || answer.status() < 0) {
            SERVER_ERRORS.incrementAndGet();
        }
        String label = operation.method() + " " + operation.path() + " with " + what;
        assertThat(answer.status()).as("%s: %s", label, answer.body()).matches(status -> status >= 200 && status < 500,
                "a 2xx or a 4xx");
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as(label).startsWith("application/problem+json");
            assertThat(answer.body()).as(label).doesNotContain(INTERNALS);
            assertThat(state(operation.service(), user)).as("%s was refused but changed the database", label).isEqualTo(before);
        }
    }

    /** Every value that can go in a JSON field, most of them wrong for it. */
    private static Gen<Object> hostileValues() {
        Gen<Object> fixed = Generate.pick(List.<Object>of(
                "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u202Etxt.exe", "e\u0301\u0301\u0301", "\uD83D\uDE00".repeat(50),
                "'; drop table skills; --", "\" or 1=1 --", "<script>alert(1)</script>", "javascript:alert(1)",
                "../../etc/passwd", "${jndi:ldap://x/a}", "%00", "x".repeat(100_000), "NaN", "-1", "1e309",
                Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1e308, -0.5, true, false,
                List.of(), List.of("a", 1, List.of()), Map.of(), Map.of("$ne", 1), deep(600)))
                .map(value -> (Object) value);
        Gen<Object> randomText = strings().allPossible().ofLengthBetween(0, 300).map(value -> (Object) value);
        Gen<Object> randomNumbers = longs().all().map(value -> (Object) value);
        Gen<Object> smallNumbers = integers().between(-10, 2000).map(value -> (Object) value);
        return Generate.oneOf(fixed, fixed, randomText, randomNumbers, smallNumbers);
    }

    /** Whole bodies that are not what the operation takes: fields missing, extra, null, nested too deep. */
    private static Gen<Object> wholeBodies(Map<String, Object> valid) {
        List<Object> bodies = new ArrayList<>();
        bodies.add(Map.of());
        Map<String, Object> nulls = new LinkedHashMap<>();
        valid.keySet().forEach(field -> nulls.put(field, null));
        bodies.add(nulls);
        Map<String, Object> extra = new LinkedHashMap<>(valid);
        extra.put("id", UUID.randomUUID().toString());
        extra.put("version", 99);
        extra.put("created_at", "1970-01-01T00:00:00Z");
        extra.put("unexpected", deep(5));
        bodies.add(extra);
        bodies.add(List.of(valid));
        bodies.add("\"just a string\"");
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        return Generate.pick(bodies);
    }

    private static Object deep(int depth) {
        Object nested = "bottom";
        for (int i = 0; i < depth; i++) {
            nested = i % 2 == 0 ? List.of(nested) : Map.of("a", nested);
        }
        return nested;
    }

    /** The caller's rows that a request to the service could change (not those events change later). */
    private static String state(Service service, UUID user) {
        return practice.rowsOf(service, user, switch (service) {
            case SKILLS -> List.of("skills", "milestone_progress");
            case PRACTICE_LOG -> List.of("practice_logs", "practice_sessions");
            case EVIDENCE -> List.of("evidence");
            case PROGRESS -> List.of("goals", "skill_goals", "progress_settings", "skip_days", "share_links");
        });
    }

    /** One valid case per writing operation, on resources of the caller. */
    private static List<Case> cases(String token) {
        Map<String, Object> roadmap = Map.of("levels", List.of(Map.of("level", 1, "title", "Basics", "milestones",
                List.of(Map.of("id", "m1", "title", "First steps", "estimated_minutes", 30,
                        "do_this_now", Map.of("prompt", "Play it slowly", "reps", 3, "sets", 2, "success_criteria", "clean"))))));
        String skill = Client.post(practice.url(Service.SKILLS, "/skills"), token,
                Map.of("name", "Hostile " + UUID.randomUUID(), "roadmap", roadmap)).json().path("id").asText();
        String log = practice.postLog(token, skill, 20).json().path("id").asText();
        String evidence = Client.post(practice.url(Service.EVIDENCE, "/evidence"), token,
                Map.of("type", "note", "text", "Proof", "practice_log_id", log)).json().path("id").asText();
        String sessionSkill = practice.createSkill(token);
        String admin = practice.adminToken();
        String template = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Client.post(practice.url(Service.SKILLS, "/templates"), admin, Map.of("slug", template, "name", "Bad input " + template,
                "is_active", true)).status()).as("the template the cases change and adopt").isEqualTo(201);
        String session = Client.post(practice.url(Service.PRACTICE_LOG, "/practice-sessions"), token, Map.of("skill_id", sessionSkill))
                .json().path("id").asText();
        String practised = Instant.now().minus(2, ChronoUnit.HOURS).toString();

        return List.of(
                new Case(Service.SKILLS, "POST", "/skills", "/skills", map("name", "Skill " + UUID.randomUUID(), "description", "d",
                        "category", "music", "target_hours", 20, "tags", List.of("a"), "roadmap", roadmap)),
                new Case(Service.SKILLS, "PATCH", "/skills/{id}", "/skills/" + skill, map("name", "Renamed " + UUID.randomUUID(), "description", "d",
                        "category", "music", "target_hours", 30, "tags", List.of("b"))),
                new Case(Service.SKILLS, "PUT", "/skills/{id}/roadmap", "/skills/" + skill + "/roadmap", map("levels", roadmap.get("levels"))),
                new Case(Service.SKILLS, "PATCH", "/skills/{id}/milestones/{milestoneId}", "/skills/" + skill + "/milestones/m1", map("status", "in_progress", "notes", "n")),
                new Case(Service.PRACTICE_LOG, "POST", "/practice-logs", "/practice-logs", map("skill_id", skill, "date_practiced", practised,
                        "duration", 30, "description", "d", "difficulty_rating", 3, "confidence_rating", 4,
                        "activity_type", "practice", "milestone_id", null)),
                new Case(Service.PRACTICE_LOG, "POST", "/practice-logs/quick", "/practice-logs/quick", map("skill_id", skill, "preset", "15m",
                        "description", "quick")),
                new Case(Service.PRACTICE_LOG, "PATCH", "/practice-logs/{id}", "/practice-logs/" + log, map("date_practiced", practised, "duration", 35,
                        "description", "d2", "difficulty_rating", 2, "confidence_rating", 5, "activity_type", "reading", "milestone_id", null)),
                new Case(Service.PRACTICE_LOG, "POST", "/practice-sessions", "/practice-sessions", map("skill_id", skill)),
                new Case(Service.PRACTICE_LOG, "POST", "/practice-sessions/{id}/complete", "/practice-sessions/" + session + "/complete", map("completion", "abandoned",
                        "description", "d", "difficulty_rating", 3, "confidence_rating", 3)),
                new Case(Service.EVIDENCE, "POST", "/evidence", "/evidence", map("type", "note", "text", "t", "practice_log_id", log,
                        "skill_id", skill)),
                new Case(Service.EVIDENCE, "PATCH", "/evidence/{id}", "/evidence/" + evidence, map("text", "t2")),
                new Case(Service.PROGRESS, "PUT", "/progress/goals", "/progress/goals", map("weekly_minutes", 120, "weekly_sessions", 4)),
                new Case(Service.PROGRESS, "PUT", "/progress/skills/{skillId}/goal", "/progress/skills/" + skill + "/goal",
                        map("weekly_minutes", 60, "weekly_sessions", 3)),
                new Case(Service.PROGRESS, "PUT", "/progress/settings", "/progress/settings", map("streak_min_minutes", 10,
                        "rest_weekdays", List.of("sunday"), "reminders", map("enabled", false, "after_days", 3, "local_time", "18:00"))),
                new Case(Service.PROGRESS, "POST", "/progress/share-links", "/progress/share-links", map("kind", "calendar", "skill_id", skill)),
                new Case(Service.PROGRESS, "PUT", "/progress/skip-days", "/progress/skip-days", map("from", LocalDate.now(ZoneOffset.UTC)
                        .toString(), "to", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(), "reason", "Holidays")),
                new Case(Service.PRACTICE_LOG, "POST", "/practice-logs/import", "/practice-logs/import?dry_run=true", map("skill_id", skill,
                        "date_practiced", practised, "duration", 30, "description", "imported", "difficulty_rating", 3,
                        "activity_type", "practice"), true, null),
                Case.asAdmin(Service.SKILLS, "POST", "/templates", "/templates", map("slug", "hostile-" + template, "name", "Hostile",
                        "tagline", "t", "description", "d", "skill_type", "physical", "roadmap", roadmap, "tags",
                        List.of(Map.of("slug", "any", "name", "Any", "category", "skill")), "display_order", 1, "is_active", true),
                        admin),
                Case.asAdmin(Service.SKILLS, "PATCH", "/templates/{slug}", "/templates/" + template, map("name", "Renamed",
                        "tagline", "t2", "display_order", 2, "is_active", true), admin),
                new Case(Service.SKILLS, "POST", "/templates/{slug}/adopt", "/templates/" + template + "/adopt",
                        map("name", "Adopted " + UUID.randomUUID())));
    }

    /** Writing operations of the user's API in the OpenAPI documents, with concrete paths matched to the cases. */
    private static Set<String> writingOperations() {
        Set<String> writing = new TreeSet<>();
        for (Service service : Service.values()) {
            JsonNode paths = Client.get(practice.url(service, "/q/openapi?format=json"), null).json().path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext();) {
                Map.Entry<String, JsonNode> entry = path.next();
                for (String method : List.of("post", "put", "patch")) {
                    JsonNode operation = entry.getValue().path(method);
                    boolean jsonBody = operation.path("requestBody").path("content").has("application/json")
                            || operation.path("requestBody").path("content").has("application/merge-patch+json");
                    if (!operation.isMissingNode() && jsonBody && !entry.getKey().contains("/admin/")) {
                        writing.add(method.toUpperCase() + " " + entry.getKey());
                    }
                }
            }
        }
        return writing;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "… (" + text.length() + " chars)" : text;
    }
}
