package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.practicetracker.local.Service;
import dev.practicetracker.local.StackSettings;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.reliability.Scoreboard.Row;
import dev.practicetracker.testing.Keys;
import dev.practicetracker.testing.TokenSigner;

/**
 * Every operation of every service, read from the services' own OpenAPI documents so that a new
 * endpoint is covered the day it is added: refused without a valid token of the right group,
 * and — where it names a resource — answering 404 for another user's resource without touching it.
 */
class SecurityMatrixIT {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static Practice practice;
    private static List<Operation> operations;

    /** One operation of one service's API. */
    record Operation(Service service, String method, String path, List<String> roles) {

        boolean named() {
            return path.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void readTheApis() throws Exception {
        practice = Practice.shared();
        operations = new ArrayList<>();
        for (Service service : Service.values()) {
            Response document = Client.get(practice.url(service, "/q/openapi?format=json"), null);
            assertThat(document.status()).isEqualTo(200);
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.json().path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        List<String> roles = new ArrayList<>();
                        method.getValue().path("security").forEach(requirement -> requirement.elements()
                                .forEachRemaining(scopes -> scopes.forEach(role -> roles.add(role.asText()))));
                        operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey(), roles));
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI documents").hasSizeGreaterThan(30);
    }

    @AfterAll
    static void summary() throws Exception {
        Scoreboard.print(Path.of("target", "reliability-summary.md"));
    }

    @Test
    void everyOperationRefusesCallersWithoutAValidTokenOfTheRightGroup() throws Exception {
        UUID victim = UUID.randomUUID();
        PrivateKey stackKey = practice.stackKey();
        Instant now = Instant.now();
        TokenSigner genuine = new TokenSigner(stackKey, StackSettings.ISSUER);
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("garbage", "not.a.jwt");
        forged.put("another key", new TokenSigner(Keys.generateRsa().getPrivate(), StackSettings.ISSUER)
                .sign(victim, "UTC", List.of("user", "admin"), now, Duration.ofHours(1)));
        forged.put("expired", genuine.sign(victim, "UTC", List.of("user", "admin"), now.minus(Duration.ofHours(3)), Duration.ofHours(1)));
        forged.put("wrong issuer", new TokenSigner(stackKey, "https://attacker.example")
                .sign(victim, "UTC", List.of("user", "admin"), now, Duration.ofHours(1)));
        String noGroup = genuine.sign(victim, "UTC", List.of("guest"), now, Duration.ofHours(1));
        String userOnly = genuine.sign(victim, "UTC", List.of("user"), now, Duration.ofHours(1));

        SoftAssertions softly = new SoftAssertions();
        long calls = 0;
        long serverErrors = 0;
        for (Operation operation : operations) {
            String url = practice.url(operation.service(), fill(operation.path(), name -> UUID.randomUUID().toString()));
            if (operation.path().startsWith("/public/")) {
                // served to anyone by design (a share link's token is the capability): a made-up one opens nothing
                softly.assertThat(operation.roles()).as("%s needs no token", operation).isEmpty();
                softly.assertThat(Client.send(operation.method(), url, null, null, Map.of()).status()).as("%s, a made-up link", operation)
                        .isEqualTo(404);
                calls++;
                continue;
            }
            softly.assertThat(operation.roles()).as("%s declares who may call it", operation).isNotEmpty();
            for (Map.Entry<String, String> token : forged.entrySet()) {
                Response answer = Client.send(operation.method(), url, token.getValue(), bodyOf(operation), Map.of());
                calls++;
                serverErrors += answer.isServerError() ? 1 : 0;
                softly.assertThat(answer.status()).as("%s with %s", operation, token.getKey()).isEqualTo(401);
            }
            Response outsider = Client.send(operation.method(), url, noGroup, bodyOf(operation), Map.of());
            softly.assertThat(outsider.status()).as("%s without the user group", operation).isEqualTo(403);
            calls++;
            if (!operation.roles().contains("user")) {
                Response user = Client.send(operation.method(), url, userOnly, bodyOf(operation), Map.of());
                softly.assertThat(user.status()).as("%s (for %s) with a user's token", operation, operation.roles()).isEqualTo(403);
                calls++;
            }
        }
        for (Service service : Service.values()) {
            softly.assertThat(practice.count(service, "select count(*) from " + ownedTable(service) + " where user_id = ?::uuid",
                    victim.toString())).as("rows written for the forged caller in %s", service).isZero();
        }
        softly.assertAll();
        Scoreboard.record(new Row("security: forged, expired, foreign tokens on " + operations.size() + " operations", calls, 0, 0,
                serverErrors, Double.NaN, "401 / 403, nothing written"));
    }

    private static final String CATALOGUE = "/templates";

    @Test
    void everyOperationNamingAnotherUsersResourceAnswers404AndChangesNothing() throws Exception {
        UUID owner = UUID.randomUUID();
        String ownerToken = practice.token(owner);
        Map<String, String> ids = ownedResources(ownerToken);
        String intruder = practice.token(UUID.randomUUID());
        Map<Service, String> before = snapshot(owner);

        SoftAssertions softly = new SoftAssertions();
        long calls = 0;
        long serverErrors = 0;
        for (Operation operation : operations) {
            // the catalogue of templates belongs to no user: its slugs name nothing of another user's
            if (!operation.named() || !operation.roles().contains("user") || operation.path().startsWith(CATALOGUE)) {
                continue;
            }
            String url = practice.url(operation.service(), fill(operation.path(), name -> idFor(operation, name, ids)));
            Response answer = Client.send(operation.method(), url, intruder, bodyOf(operation), Map.of());
            calls++;
            serverErrors += answer.isServerError() ? 1 : 0;
            softly.assertThat(answer.status()).as("%s with the owner's ids: %s", operation, answer.body()).isEqualTo(404);
        }
        // ids in bodies and queries: the same answer as for a resource that does not exist
        List<Response> references = List.of(
                Client.post(practice.url(Service.PRACTICE_LOG, "/practice-logs"), intruder, Practice.log(ids.get("skill"), 30)),
                Client.post(practice.url(Service.EVIDENCE, "/evidence"), intruder,
                        Map.of("type", "note", "text", "mine now", "practice_log_id", ids.get("log"))),
                Client.post(practice.url(Service.PRACTICE_LOG, "/practice-sessions"), intruder, Map.of("skill_id", ids.get("skill"))));
        for (Response answer : references) {
            calls++;
            softly.assertThat(answer.status()).as("a body naming the owner's resource: %s", answer.body()).isEqualTo(404);
        }
        JsonNode listed = Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs?skill_id=" + ids.get("skill")), intruder).json();
        softly.assertThat(listed.path("items")).as("the owner's logs listed for the intruder").isEmpty();
        calls++;
        String ownersCursor = Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs/changes?limit=1"), ownerToken).json()
                .path("next_cursor").asText();
        Response foreignCursor = Client.get(practice.url(Service.PRACTICE_LOG, "/practice-logs/changes?since=" + ownersCursor), intruder);
        softly.assertThat(foreignCursor.status()).as("the owner's change feed cursor for the intruder: %s", foreignCursor.body())
                .isEqualTo(410);
        calls += 2;

        softly.assertThat(snapshot(owner)).as("the owner's rows in every service").isEqualTo(before);
        softly.assertAll();
        Scoreboard.record(new Row("security: another user's ids on every id-bearing operation", calls, 0, 0, serverErrors, Double.NaN,
                "404 everywhere, owner's rows unchanged"));
    }

    @Test
    void aUserIdInABodyIsIgnored() {
        UUID owner = UUID.randomUUID();
        UUID caller = UUID.randomUUID();
        String token = practice.token(caller);
        Map<String, Object> skill = new LinkedHashMap<>(Map.of("name", "Mine " + UUID.randomUUID(), "user_id", owner.toString()));
        String skillId = Client.post(practice.url(Service.SKILLS, "/skills"), token, skill).json().path("id").asText();
        Map<String, Object> log = Practice.log(skillId, 20);
        log.put("user_id", owner.toString());
        Response written = Client.post(practice.url(Service.PRACTICE_LOG, "/practice-logs"), token, log);

        assertThat(written.status()).isEqualTo(201);
        assertThat(practice.count(Service.SKILLS, "select count(*) from skills where user_id = ?::uuid", caller.toString())).isEqualTo(1);
        assertThat(practice.count(Service.PRACTICE_LOG, "select count(*) from practice_logs where user_id = ?::uuid", caller.toString()))
                .isEqualTo(1);
        for (Service service : List.of(Service.SKILLS, Service.PRACTICE_LOG)) {
            assertThat(practice.count(service, "select count(*) from " + ownedTable(service) + " where user_id = ?::uuid",
                    owner.toString())).isZero();
        }
        Scoreboard.record(new Row("security: user_id in bodies", 2, 0, 0, 0, Double.NaN, "rows belong to the token's subject"));
    }

    /** A skill with a roadmap, a log of it, a live session, an evidence item, a planned break and a share link, all the owner's. */
    private static Map<String, String> ownedResources(String token) {
        Map<String, Object> roadmap = Map.of("levels", List.of(Map.of("level", 1, "title", "Basics", "milestones",
                List.of(Map.of("id", "m1", "title", "First steps", "estimated_minutes", 30)))));
        Map<String, Object> skill = Map.of("name", "Owned " + UUID.randomUUID(), "roadmap", roadmap);
        Response created = Client.post(practice.url(Service.SKILLS, "/skills"), token, skill);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("skill", created.json().path("id").asText());
        ids.put("milestone", "m1");
        Response log = practice.postLog(token, ids.get("skill"), 25);
        assertThat(log.status()).as(log.body()).isEqualTo(201);
        ids.put("log", log.json().path("id").asText());
        Response session = Client.post(practice.url(Service.PRACTICE_LOG, "/practice-sessions"), token, Map.of("skill_id", ids.get("skill")));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        ids.put("session", session.json().path("id").asText());
        Response evidence = Client.post(practice.url(Service.EVIDENCE, "/evidence"), token,
                Map.of("type", "note", "text", "Proof", "practice_log_id", ids.get("log")));
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        ids.put("evidence", evidence.json().path("id").asText());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Response skipDay = Client.send("PUT", practice.url(Service.PROGRESS, "/progress/skip-days"), token,
                Map.of("from", today.toString(), "to", today.plusDays(2).toString(), "reason", "Owned"), Map.of());
        assertThat(skipDay.status()).as(skipDay.body()).isEqualTo(201);
        ids.put("skipDay", skipDay.json().path("id").asText());
        Response shareLink = Client.post(practice.url(Service.PROGRESS, "/progress/share-links"), token, Map.of("kind", "badge"));
        assertThat(shareLink.status()).as(shareLink.body()).isEqualTo(201);
        ids.put("shareLink", shareLink.json().path("id").asText());
        return ids;
    }

    /** Which of the owner's ids a path parameter names; an unknown parameter fails, so no endpoint goes unchecked. */
    private static String idFor(Operation operation, String parameter, Map<String, String> ids) {
        String path = operation.path();
        String kind = switch (parameter) {
            case "skillId" -> "skill";
            case "milestoneId" -> "milestone";
            case "id" -> path.startsWith("/skills") ? "skill" : path.startsWith("/practice-logs") ? "log"
                    : path.startsWith("/practice-sessions") ? "session" : path.startsWith("/evidence") ? "evidence"
                    : path.startsWith("/progress/skip-days") ? "skipDay" : path.startsWith("/progress/share-links") ? "shareLink" : null;
            default -> null;
        };
        assertThat(kind).as("which resource {%s} of %s names", parameter, operation).isNotNull();
        return ids.get(kind);
    }

    /** A body the operation would accept from the resource's owner, so only ownership can refuse it. */
    private static Object bodyOf(Operation operation) {
        return switch (operation.method() + " " + operation.path()) {
            case "PATCH /skills/{id}" -> Map.of("name", "Taken over");
            case "PUT /skills/{id}/roadmap" -> Map.of("levels", List.of(Map.of("level", 1, "title", "Mine now",
                    "milestones", List.of(Map.of("id", "x1", "title", "Taken over")))));
            case "PATCH /skills/{id}/milestones/{milestoneId}" -> Map.of("status", "in_progress");
            case "PATCH /practice-logs/{id}" -> Map.of("duration", 99);
            case "PATCH /evidence/{id}" -> Map.of("text", "Taken over");
            case "POST /practice-sessions/{id}/complete" -> Map.of("completion", "abandoned");
            case "PUT /progress/skills/{skillId}/goal" -> Map.of("weekly_minutes", 60);
            default -> operation.method().equals("GET") || operation.method().equals("DELETE") ? null : Map.of();
        };
    }

    /** Every row of the owner in each service's main tables, as text, to compare before and after. */
    private static Map<Service, String> snapshot(UUID owner) {
        Map<Service, String> rows = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            rows.put(service, practice.rowsOf(service, owner, tablesOf(service)));
        }
        return rows;
    }

    private static List<String> tablesOf(Service service) {
        return switch (service) {
            case SKILLS -> List.of("skills", "milestone_progress");
            case PRACTICE_LOG -> List.of("practice_logs", "practice_sessions", "log_feeds", "log_tombstones");
            case EVIDENCE -> List.of("evidence");
            case PROGRESS -> List.of("log_facts", "skill_progress", "user_progress", "goals", "skill_goals", "progress_settings", "skip_days",
                    "share_links");
        };
    }

    private static String ownedTable(Service service) {
        return tablesOf(service).get(0);
    }

    private static String fill(String template, java.util.function.Function<String, String> value) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(value.apply(parameter.group(1))));
        }
        return parameter.appendTail(path).toString();
    }
}
