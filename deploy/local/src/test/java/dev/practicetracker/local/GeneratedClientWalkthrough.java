package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.client.ApiClient;
import dev.practicetracker.client.ApiException;
import dev.practicetracker.client.api.EvidenceApi;
import dev.practicetracker.client.api.PracticeLogsApi;
import dev.practicetracker.client.api.ProgressApi;
import dev.practicetracker.client.api.SkillsApi;
import dev.practicetracker.client.api.UsersApi;
import dev.practicetracker.client.model.CreateEvidenceRequest;
import dev.practicetracker.client.model.CreatePracticeLogRequest;
import dev.practicetracker.client.model.ErasureAccepted;
import dev.practicetracker.client.model.EvidenceResponse;
import dev.practicetracker.client.model.EvidenceType;
import dev.practicetracker.client.model.PracticeLogResponse;
import dev.practicetracker.client.model.SkillFields;
import dev.practicetracker.client.model.SkillProgressResponse;
import dev.practicetracker.client.model.SkillResponse;

/**
 * A user's whole journey through the Java client that openapi-generator makes from the merged
 * OpenAPI document (target/generated-client), and nothing else: no hand-written request, no
 * knowledge of which service answers. If the document says anything the services do not do (a
 * status, a field, a type, a path), a call here fails.
 */
final class GeneratedClientWalkthrough {

    private final ApiClient client;
    private final UUID user;

    /** @param entryPoint the one origin of the API; {@code token} authenticates {@code user} */
    GeneratedClientWalkthrough(String entryPoint, UUID user, String token) {
        this.user = user;
        this.client = new ApiClient();
        client.updateBaseUri(entryPoint);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    void skillLogEvidenceProgressExportErasure() throws ApiException {
        SkillsApi skills = new SkillsApi(client);
        PracticeLogsApi logs = new PracticeLogsApi(client);
        EvidenceApi evidence = new EvidenceApi(client);
        ProgressApi progress = new ProgressApi(client);

        SkillResponse skill = skills.createSkill(new SkillFields().name("Generated " + UUID.randomUUID()).targetHours(20)
                .tags(List.of("client")), UUID.randomUUID().toString());
        assertThat(skills.getSkill(skill.getId()).getName()).isEqualTo(skill.getName());

        PracticeLogResponse log = logs.createPracticeLog(new CreatePracticeLogRequest().skillId(skill.getId())
                .datePracticed(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2)).duration(35)
                .description("Scales through the generated client").difficultyRating(3), UUID.randomUUID().toString());
        assertThat(log.getSkillId()).isEqualTo(skill.getId());

        EvidenceResponse link = evidence.createEvidence(new CreateEvidenceRequest().type(EvidenceType.LINK)
                .practiceLogId(log.getId()).url(URI.create("https://example.org/recording")), UUID.randomUUID().toString());
        assertThat(evidence.getEvidence(link.getId()).getUrl()).isEqualTo("https://example.org/recording");

        SkillProgressResponse figures = await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ApiException.class)
                .until(() -> progress.getSkillProgress(skill.getId()), seen -> seen.getTotalSessions() == 1);
        assertThat(figures.getTotalMinutes()).isEqualTo(35L);

        List<PracticeLogResponse> exported = logs.exportPracticeLogs("json", null, skill.getId(), null);
        assertThat(exported).extracting(PracticeLogResponse::getId).containsExactly(log.getId());

        ErasureAccepted erasure = new UsersApi(client).eraseMe();
        assertThat(erasure.getUserId()).isEqualTo(user);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notFound(() -> skills.getSkill(skill.getId()))).isTrue();
            assertThat(notFound(() -> logs.getPracticeLog(log.getId()))).isTrue();
            assertThat(notFound(() -> evidence.getEvidence(link.getId()))).isTrue();
            assertThat(notFound(() -> progress.getSkillProgress(skill.getId()))).isTrue();
        });
        assertThatThrownBy(() -> logs.getPracticeLog(log.getId())).isInstanceOfSatisfying(ApiException.class,
                gone -> assertThat(gone.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json"));
    }

    private interface Call {
        void run() throws ApiException;
    }

    private static boolean notFound(Call call) {
        try {
            call.run();
            return false;
        } catch (ApiException e) {
            return e.getCode() == 404;
        }
    }
}
