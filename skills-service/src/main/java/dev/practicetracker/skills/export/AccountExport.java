package dev.practicetracker.skills.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.practicetracker.events.InstantText;
import dev.practicetracker.platform.paging.KeysetPages;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.mapping.MilestoneResponse;
import dev.practicetracker.skills.mapping.SkillMapper;
import dev.practicetracker.skills.service.MilestoneService;
import dev.practicetracker.skills.service.SkillService;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;

/**
 * Everything of the caller's that {@code DELETE /users/me} would erase, as one JSON document
 * streamed part by part: {@code {user_id, exported_at, skills (each with its milestones),
 * practice_logs, practice_sessions, evidence, progress}}. The skills come from this service, a page at
 * a time; every other part is the owning service's own export, asked with the caller's token and
 * passed through as it arrives. A part is read only once the one before it has been written, so
 * memory stays bounded however large the account.
 */
@ApplicationScoped
public class AccountExport {

    /** Skills read per round trip. */
    static final int SKILL_PAGE = 100;

    private final SkillService skills;
    private final MilestoneService milestones;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final String practiceLogService;
    private final String evidenceService;
    private final String progressService;

    public AccountExport(SkillService skills, MilestoneService milestones, ObjectMapper json, Clock clock, Vertx vertx,
            @ConfigProperty(name = "quarkus.rest-client.practice-log-service.url", defaultValue = "http://127.0.0.1:8082") String practiceLogService,
            @ConfigProperty(name = "quarkus.rest-client.evidence-service.url", defaultValue = "http://127.0.0.1:8083") String evidenceService,
            @ConfigProperty(name = "quarkus.rest-client.progress-service.url", defaultValue = "http://127.0.0.1:8084") String progressService) {
        this.skills = skills;
        this.milestones = milestones;
        this.json = json;
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(60));
        this.practiceLogService = practiceLogService;
        this.evidenceService = evidenceService;
        this.progressService = progressService;
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /**
     * The document, part by part. A part that fails once the document has started (another service
     * down) ends the response without its last chunk: the client sees a broken transfer, never a
     * document that looks whole.
     */
    public Multi<Buffer> of(Caller caller, String bearerToken) {
        String bearer = "Bearer " + bearerToken;
        return Multi.createBy().concatenating().streams(List.of(
                text("{\"user_id\":\"" + caller.userId() + "\",\"exported_at\":\"" + InstantText.format(clock.instant())
                        + "\",\"skills\":["),
                skillsOf(caller),
                text("],\"practice_logs\":"),
                partOf(practiceLogService, "/practice-logs/export?format=json", bearer),
                text(",\"practice_sessions\":"),
                partOf(practiceLogService, "/practice-sessions/export", bearer),
                text(",\"evidence\":"),
                partOf(evidenceService, "/evidence/export", bearer),
                text(",\"progress\":"),
                partOf(progressService, "/progress/export", bearer),
                text("}")));
    }

    /** Each of the caller's skills as the API answers it, with its milestones as {@code GET /skills/{id}/milestones} lists them. */
    private Multi<Buffer> skillsOf(Caller caller) {
        AtomicBoolean first = new AtomicBoolean(true);
        return KeysetPages.all(after -> skills.page(caller, after, null, null, SKILL_PAGE - 1), SKILL_PAGE, SkillMapper::cursorOf)
                .onItem().transformToUniAndConcatenate(skill -> milestones.list(caller, skill.id)
                        .map(listed -> skillWithMilestones(skill, listed, first.getAndSet(false))));
    }

    private Buffer skillWithMilestones(Skill skill, List<MilestoneResponse> listed, boolean first) {
        ObjectNode node = json.valueToTree(SkillMapper.toResponse(skill));
        node.set("milestones", json.valueToTree(listed == null ? List.of() : listed));
        try {
            Buffer buffer = Buffer.buffer(first ? "" : ",");
            return buffer.appendBytes(json.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a skill could not be written as JSON", e);
        }
    }

    /** Another service's export of the caller's data there, passed through as it arrives. */
    private Multi<Buffer> partOf(String service, String path, String bearer) {
        RequestOptions request = new RequestOptions().setAbsoluteURI(service + path).setMethod(HttpMethod.GET)
                .putHeader(HttpHeaders.AUTHORIZATION, bearer).putHeader(HttpHeaders.ACCEPT, "application/json");
        return http.request(request).chain(HttpClientRequest::send).onItem().transformToMulti(response -> {
            if (response.statusCode() != 200) {
                return Multi.createFrom().failure(new IllegalStateException(service + path + " answered " + response.statusCode()));
            }
            return response.toMulti().map(io.vertx.mutiny.core.buffer.Buffer::getDelegate);
        });
    }

    private static Multi<Buffer> text(String text) {
        return Multi.createFrom().item(() -> Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
