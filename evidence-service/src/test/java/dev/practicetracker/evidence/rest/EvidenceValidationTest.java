package dev.practicetracker.evidence.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.practicetracker.evidence.event.Targets;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class EvidenceValidationTest {

    private final UUID user = UUID.randomUUID();
    private final EvidenceApi api = new EvidenceApi(user);
    private UUID skill;

    @BeforeEach
    void skillOfTheUser() {
        skill = Targets.skill(user);
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd", "/relative/path", "//example.com/no-scheme", "ftp://example.com/file", "http://",
            "http://exa mple.com", "https://user:secret@example.com/", "http://example.com/\u0000", "not a url at all" })
    void hostileAndMalformedLinksAreRefused(String url) {
        api.post(EvidenceApi.link(skill, url)).statusCode(400).contentType(EvidenceApi.PROBLEM_JSON)
                .body("violations[0].field", equalTo("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com", "https://example.com/path?q=1#frag", "HTTPS://EXAMPLE.COM/x" })
    void absoluteWebLinksAreAccepted(String url) {
        api.post(EvidenceApi.link(skill, url)).statusCode(201).body("url", equalTo(url));
    }

    @Test
    void aLinkIsAtMost2048Characters() {
        String base = "https://example.com/";
        api.post(EvidenceApi.link(skill, base + "a".repeat(2048 - base.length()))).statusCode(201);
        api.post(EvidenceApi.link(skill, base + "a".repeat(2049 - base.length()))).statusCode(400);
    }

    @Test
    void aNoteIsOneToTwoThousandCharacters() {
        api.post(Map.of("type", "note", "skill_id", skill.toString(), "text", "   ")).statusCode(400).body("violations[0].field", equalTo("text"));
        api.post(Map.of("type", "note", "skill_id", skill.toString(), "text", "x")).statusCode(201);
        api.post(Map.of("type", "note", "skill_id", skill.toString(), "text", "x".repeat(2000))).statusCode(201);
        api.post(Map.of("type", "note", "skill_id", skill.toString(), "text", "x".repeat(2001))).statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../etc/passwd", "a/b.png", "a\\b.png", "..", "bad\u0007bell.png", "new\nline.png", "" })
    void hostileFilenamesAreRefused(String filename) {
        api.post(EvidenceApi.screenshot(skill, EvidenceApi.file(filename))).statusCode(400)
                .body("violations[0].field", equalTo("file.filename"));
    }

    @Test
    void aScreenshotIsMetadataWithinLimits() {
        api.post(EvidenceApi.screenshot(skill, EvidenceApi.file("x".repeat(251) + ".png"))).statusCode(201);
        api.post(EvidenceApi.screenshot(skill, EvidenceApi.file("x".repeat(252) + ".png"))).statusCode(400);
        assertThat(statusWithFile("size_bytes", 0)).isEqualTo(400);
        assertThat(statusWithFile("size_bytes", 50L * 1024 * 1024)).isEqualTo(201);
        assertThat(statusWithFile("size_bytes", 50L * 1024 * 1024 + 1)).isEqualTo(400);
        assertThat(statusWithFile("content_type", "text/html")).isEqualTo(400);
        assertThat(statusWithFile("storage_url", "http://cdn.example.com/shot.png")).isEqualTo(400);
        assertThat(statusWithFile("storage_url", "javascript:alert(1)")).isEqualTo(400);
    }

    @Test
    void fileBytesAreNeverAccepted() {
        Map<String, Object> file = EvidenceApi.file("shot.png");
        file.put("data", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB");

        api.post(EvidenceApi.screenshot(skill, file)).statusCode(400)
                .body("violations[0].field", equalTo("file.data"))
                .body("violations[0].message", equalTo("is not accepted here"));
        assertThat(TestDatabase.count("select count(*) from evidence where user_id = ?", user)).isZero();
    }

    @Test
    void fieldsOfAnotherTypeAreRefused() {
        api.post(Map.of("type", "note", "skill_id", skill.toString(), "text", "hello", "url", "https://example.com"))
                .statusCode(400).body("violations[0].field", equalTo("url"));
        api.post(Map.of("type", "photo", "skill_id", skill.toString())).statusCode(400).body("violations[0].field", equalTo("type"));
    }

    @Test
    void evidenceMustHangOffTheCallersLogOrSkill() {
        UUID log = Targets.log(user, skill, Instant.parse("2026-11-01T10:00:00Z"));
        UUID otherSkill = Targets.skill(user);
        UUID strangersSkill = Targets.skill(UUID.randomUUID());

        api.post(Map.of("type", "note", "text", "orphan")).statusCode(400).body("violations[0].field", equalTo("practice_log_id"));
        api.post(Map.of("type", "note", "text", "two masters", "practice_log_id", log.toString(), "skill_id", otherSkill.toString()))
                .statusCode(400).body("violations[0].field", equalTo("skill_id"));
        api.post(Map.of("type", "note", "text", "not mine", "skill_id", strangersSkill.toString())).statusCode(404);
        new EvidenceApi(UUID.randomUUID()).post(Map.of("type", "note", "text", "not mine", "practice_log_id", log.toString()))
                .statusCode(404);
        api.post(Map.of("type", "note", "text", "a log implies its skill", "practice_log_id", log.toString())).statusCode(201)
                .body("skill_id", equalTo(skill.toString()));
    }

    private int statusWithFile(String field, Object value) {
        Map<String, Object> file = EvidenceApi.file("shot.png");
        file.put(field, value);
        return api.post(EvidenceApi.screenshot(skill, file)).extract().statusCode();
    }
}
