package dev.practicetracker.practicelog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.practicetracker.events.Topics;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaProbe;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.PrometheusText;
import dev.practicetracker.testing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class TracingAndMetricsTest {

    private final UUID user = UUID.randomUUID();
    private final LogsApi api = new LogsApi(user);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aWriteIsPublishedInItsOwnTraceAndTheRecordCarriesIt() {
        UUID skill = SkillEvents.skillKnownToService(user);
        String traceId = TestSpans.newTraceId();
        String callerSpan = TestSpans.newSpanId();

        String id = api.request().header("traceparent", TestSpans.callerTraceParent(traceId, callerSpan))
                .contentType(ContentType.JSON).body(LogsApi.log(skill, Instant.now().minusSeconds(3600), 30))
                .when().post("/practice-logs").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record;
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            record = probe.awaitRecords(KafkaProbe.withHeader("ce_subject", id), 1).get(0);
        }
        String[] traceparent = KafkaProbe.header(record.headers(), "traceparent").split("-");
        assertThat(traceparent[1]).as("trace id on the Kafka record").isEqualTo(traceId);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> TestSpans.ofTrace(spans, traceId),
                ended -> ended.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER));
        SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData publish = trace.stream().filter(span -> span.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the request continues the caller's trace").isEqualTo(callerSpan);
        assertThat(publish.getName()).isEqualTo("practice-log-events publish");
        assertThat(trace).extracting(SpanData::getSpanId).as("the publish hangs under the request's spans")
                .contains(publish.getParentSpanId());
        assertThat(traceparent[2]).as("the record names the publish span as its parent").isEqualTo(publish.getSpanId());
    }

    @Test
    void metricsCountPublishedEventsAndShowTheOutboxBacklog() {
        UUID skill = SkillEvents.skillKnownToService(user);
        double before = metric("practice_tracker_outbox_published_total", Topics.PRACTICE_LOG_EVENTS);
        double delays = metric("practice_tracker_outbox_publish_delay_seconds_count", Topics.PRACTICE_LOG_EVENTS);

        String first = api.create(skill);
        String second = api.create(skill);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.PRACTICE_LOG_EVENTS)) {
            probe.awaitRecords(record -> List.of(first, second).contains(KafkaProbe.header(record.headers(), "ce_subject")), 2);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("practice_tracker_outbox_published_total", Topics.PRACTICE_LOG_EVENTS) >= before + 2);
        assertThat(metric("practice_tracker_outbox_publish_delay_seconds_count", Topics.PRACTICE_LOG_EVENTS))
                .as("each publication's delay since its write").isGreaterThanOrEqualTo(delays + 2);
        // earlier tests (a republish of every log) may still be draining: the backlog reaches 0 once the relay is through
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String exposition = scrape();
            return PrometheusText.exposes(exposition, "practice_tracker_outbox_backlog")
                    && PrometheusText.value(exposition, "practice_tracker_outbox_backlog", null) == 0;
        });
        assertThat(PrometheusText.exposes(scrape(), "practice_tracker_outbox_oldest_age_seconds")).isTrue();
    }

    private static double metric(String name, String topic) {
        return PrometheusText.value(scrape(), name, topic);
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
