package dev.practicetracker.progress.rest;

import static dev.practicetracker.progress.event.ProgressEvents.log;
import static dev.practicetracker.progress.event.ProgressEvents.publishLog;
import static dev.practicetracker.progress.event.ProgressEvents.publishLogInTrace;
import static dev.practicetracker.progress.event.ProgressEvents.publishLogRecordOf;
import static dev.practicetracker.progress.event.ProgressEvents.publishSkill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.events.EventTypes;
import dev.practicetracker.events.Topics;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.PrometheusText;
import dev.practicetracker.testing.TestSpans;
import dev.practicetracker.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class TracingAndMetricsTest {

    private static final Instant YESTERDAY = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static final String APPLY_DELAY = "practice_tracker_events_apply_delay_seconds";

    private final UUID user = UUID.randomUUID();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aLogEventIsAppliedInTheTraceOfTheWriteThatPublishedIt() {
        UUID skill = publishSkill(user, "Tracing");
        String traceId = TestSpans.newTraceId();
        String publishSpan = TestSpans.newSpanId();

        publishLogInTrace(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1),
                TestSpans.callerTraceParent(traceId, publishSpan));

        awaitSessions(skill, 1);
        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> TestSpans.ofTrace(spans, traceId),
                ended -> !ended.isEmpty());
        assertThat(trace).singleElement().satisfies(process -> {
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(process.getName()).isEqualTo("practice-log-events process");
            assertThat(process.getParentSpanId()).as("a child of the relay's publish span").isEqualTo(publishSpan);
            assertThat(process.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        });
    }

    @Test
    void metricsCountAppliedEventsAndExposeConsumerLag() {
        UUID skill = publishSkill(user, "Metrics");
        double before = PrometheusText.value(scrape(), "practice_tracker_events_applied_total", Topics.PRACTICE_LOG_EVENTS);

        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1));
        publishLog(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 20, 1));
        awaitSessions(skill, 2);

        String exposition = scrape();
        assertThat(PrometheusText.value(exposition, "practice_tracker_events_applied_total", Topics.PRACTICE_LOG_EVENTS))
                .isGreaterThanOrEqualTo(before + 2);
        assertThat(PrometheusText.exposes(exposition, "kafka_consumer_fetch_manager_records_lag")).isTrue();
    }

    @Test
    void theApplyDelayIsMeasuredFromTheRecordsTimestamp() {
        UUID skill = publishSkill(user, "Delay");
        String exposition = scrape();
        double count = PrometheusText.value(exposition, APPLY_DELAY + "_count", Topics.PRACTICE_LOG_EVENTS);
        double sum = PrometheusText.value(exposition, APPLY_DELAY + "_sum", Topics.PRACTICE_LOG_EVENTS);

        publishLogRecordOf(EventTypes.PRACTICE_LOG_CREATED, log(user, skill, YESTERDAY, 30, 1), Instant.now().minusSeconds(60));
        awaitSessions(skill, 1);

        String after = scrape();
        assertThat(PrometheusText.value(after, APPLY_DELAY + "_count", Topics.PRACTICE_LOG_EVENTS)).isGreaterThanOrEqualTo(count + 1);
        assertThat(PrometheusText.value(after, APPLY_DELAY + "_sum", Topics.PRACTICE_LOG_EVENTS))
                .as("a minute old when published, so at least a minute late").isGreaterThanOrEqualTo(sum + 60);
        assertThat(PrometheusText.exposes(after, APPLY_DELAY + "_bucket")).as("a histogram, for percentiles across replicas").isTrue();
    }

    private void awaitSessions(UUID skill, int sessions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().auth().oauth2(TestTokens.forUser(user)).when().get("/progress/skills/" + skill);
            return response.statusCode() == 200 && response.jsonPath().getInt("total_sessions") == sessions;
        });
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
