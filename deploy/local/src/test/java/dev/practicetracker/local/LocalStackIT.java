package dev.practicetracker.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opentelemetry.proto.trace.v1.Span;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The whole system as {@code deploy/local/run} starts it: real PostgreSQL, a real Kafka broker, the
 * four packaged services and the entry point in front of them, on free ports, driven only through
 * their HTTP APIs.
 */
class LocalStackIT {

    private static LocalStack stack;
    private static StackSettings settings;
    private static TraceCollector traces;

    @BeforeAll
    static void startTheStack() throws Exception {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.take());
        }
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        traces = TraceCollector.start();
        String tracing = " -Dquarkus.otel.exporter.otlp.endpoint=" + traces.endpoint()
                + " -Dquarkus.otel.exporter.otlp.protocol=http/protobuf -Dquarkus.otel.bsp.schedule.delay=200ms";
        // no start-up caches (a fresh stack would record them first); one test below records one
        settings = new StackSettings(root, Path.of("target", "it-stack").toAbsolutePath(), FreePorts.take(), FreePorts.take(), FreePorts.take(),
                ports, true, StackSettings.DEFAULT_JVM_OPTIONS + tracing, false, OptionalInt.of(FreePorts.take()));
        stack = LocalStack.start(settings);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
        if (settings != null) {
            assertThat(stack.services()).isEmpty();
        }
    }

    @Test
    void aLogWrittenForABrandNewSkillShowsUpInProgress() {
        String token = stack.demoTokenOrFail();
        String skillId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Spine " + UUID.randomUUID(), "target_hours", 100))
                .when().post(url(Service.SKILLS) + "/skills")
                .then().statusCode(201).extract().path("id");

        // at once: the skill is too new for the practice-log projection, so this reads through to skills-service
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("skill_id", skillId, "date_practiced", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "duration", 45, "description", "Practiced SQL window functions"))
                .when().post(url(Service.PRACTICE_LOG) + "/practice-logs")
                .then().statusCode(201);
        Instant written = Instant.now();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get(url(Service.PROGRESS) + "/progress/skills/" + skillId)
                .then().statusCode(200)
                .body("total_sessions", equalTo(1))
                .body("total_minutes", equalTo(45)));
        System.out.printf("write -> visible in progress: %d ms (first write after start, cold JVMs)%n",
                Duration.between(written, Instant.now()).toMillis());
    }

    @Test
    void oneTraceRunsFromTheWriteThroughTheRelayToTheProgressConsumer() {
        String token = stack.demoTokenOrFail();
        String skillId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Traced " + UUID.randomUUID()))
                .when().post(url(Service.SKILLS) + "/skills")
                .then().statusCode(201).extract().path("id");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = "00f067aa0ba902b7";

        given().auth().oauth2(token).header("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01").contentType(ContentType.JSON)
                .body(Map.of("skill_id", skillId, "date_practiced", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "duration", 20, "description", "Traced from the gateway"))
                .when().post(url(Service.PRACTICE_LOG) + "/practice-logs")
                .then().statusCode(201);

        // each service exports its spans in its own batches: wait until all three kinds have arrived
        List<TraceCollector.ReceivedSpan> trace = await().atMost(Duration.ofSeconds(30)).until(() -> traces.ofTrace(traceId),
                spans -> has(spans, "practice-log-service", Span.SpanKind.SPAN_KIND_SERVER)
                        && has(spans, "practice-log-service", Span.SpanKind.SPAN_KIND_PRODUCER)
                        && has(spans, "progress-service", Span.SpanKind.SPAN_KIND_CONSUMER));
        TraceCollector.ReceivedSpan request = only(trace, "practice-log-service", Span.SpanKind.SPAN_KIND_SERVER);
        TraceCollector.ReceivedSpan publish = only(trace, "practice-log-service", Span.SpanKind.SPAN_KIND_PRODUCER);
        TraceCollector.ReceivedSpan process = only(trace, "progress-service", Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(request.parentSpanId()).as("the request continues the gateway's trace").isEqualTo(gatewaySpan);
        assertThat(trace).extracting(TraceCollector.ReceivedSpan::spanId).as("the publish hangs under the request")
                .contains(publish.parentSpanId());
        assertThat(publish.name()).isEqualTo("practice-log-events publish");
        assertThat(process.name()).isEqualTo("practice-log-events process");
        assertThat(process.parentSpanId()).as("progress applied the event under the relay's publish").isEqualTo(publish.spanId());
    }

    private static boolean has(List<TraceCollector.ReceivedSpan> trace, String service, Span.SpanKind kind) {
        return trace.stream().anyMatch(span -> span.service().equals(service) && span.kind() == kind);
    }

    private static TraceCollector.ReceivedSpan only(List<TraceCollector.ReceivedSpan> trace, String service, Span.SpanKind kind) {
        List<TraceCollector.ReceivedSpan> matching = trace.stream().filter(span -> span.service().equals(service) && span.kind() == kind)
                .toList();
        assertThat(matching).as("%s spans of %s in %s", kind, service, trace).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aClientGeneratedFromTheMergedDocumentWalksThroughTheWholeApiAtTheEntryPoint() throws Exception {
        UUID user = UUID.randomUUID();

        new GeneratedClientWalkthrough(stack.entryPointUrl(), user, stack.tokenFor(user)).skillLogEvidenceProgressExportErasure();
    }

    @Test
    void theEntryPointServesTheMergedDocumentOfEveryService() {
        given().when().get(stack.entryPointUrl() + "/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(OpenApiMerge.TITLE))
                .body("paths", allOf(hasKey("/skills"), hasKey("/practice-logs"), hasKey("/evidence"), hasKey("/progress")));
        given().when().get(stack.entryPointUrl() + "/skills").then().statusCode(401);
        given().auth().oauth2(stack.demoTokenOrFail()).contentType(ContentType.JSON).body(Map.of("name", "Through the entry point"))
                .when().post(stack.entryPointUrl() + "/skills")
                .then().statusCode(201).header("Location", startsWith(stack.entryPointUrl() + "/skills/"));
        given().when().get(stack.entryPointUrl() + "/nothing-here").then().statusCode(404);
    }

    /**
     * API.md's default quota, 100 writes per 10 s per user, refilled evenly. A flood of writes (each
     * refused as invalid: they count, and they are quick, so the flood outpaces the refill on any box)
     * is answered 429 once past the quota; another user's write is not.
     */
    @Test
    void aFloodOfWritesOverTheQuotaIsAnsweredTooManyRequestsWithWhenToRetry() {
        String token = stack.tokenFor(UUID.randomUUID());
        int passed = 0;
        Response answer = null;
        while (passed < 2000) {
            answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", ""))
                    .when().post(stack.entryPointUrl() + "/skills");
            if (answer.statusCode() != 400) {
                break;
            }
            assertThat(answer.header("RateLimit-Limit")).isEqualTo("100");
            passed++;
        }

        assertThat(passed).isBetween(100, 1999);
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(answer.jsonPath().getString("detail")).contains("more than 100 writes per 10 s");
        given().auth().oauth2(stack.tokenFor(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of("name", "Another user"))
                .when().post(stack.entryPointUrl() + "/skills")
                .then().statusCode(201);
    }

    @Test
    void anotherUserSeesNoneOfIt() {
        String owner = stack.demoTokenOrFail();
        String stranger = stack.tokenFor(UUID.randomUUID());
        String skillId = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "Private " + UUID.randomUUID()))
                .when().post(url(Service.SKILLS) + "/skills")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(stranger).when().get(url(Service.SKILLS) + "/skills/" + skillId).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(Map.of("skill_id", skillId, "date_practiced", Instant.now().toString(), "duration", 10,
                        "description", "Not my skill at all"))
                .when().post(url(Service.PRACTICE_LOG) + "/practice-logs")
                .then().statusCode(404);
        given().auth().oauth2(stranger).when().get(url(Service.PROGRESS) + "/progress/skills/" + skillId).then().statusCode(404);
    }

    @Test
    void everyServiceIsReadyAndServesItsOpenApiDocument() {
        for (Service service : Service.values()) {
            given().when().get(url(service) + "/q/health/ready").then().statusCode(200);
            given().when().get(url(service) + "/q/openapi").then().statusCode(200);
        }
        List<String> notLoggedIn = List.of("/skills", "/practice-logs/" + UUID.randomUUID(), "/evidence", "/progress/skills/" + UUID.randomUUID());
        for (int i = 0; i < notLoggedIn.size(); i++) {
            given().when().get(url(Service.values()[i]) + notLoggedIn.get(i)).then().statusCode(401);
        }
    }

    /** A 2xx promises the change is on disk: the stack's PostgreSQL flushes every commit before it answers. */
    @Test
    void theStacksPostgresAcknowledgesACommitOnlyOnceItIsOnDisk() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/"
                + Service.PRACTICE_LOG.database, "postgres", ""); Statement statement = connection.createStatement()) {
            List<String> values = new ArrayList<>();
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = statement.executeQuery("show " + setting)) {
                    value.next();
                    values.add(setting + "=" + value.getString(1));
                }
            }
            assertThat(values).containsExactly("fsync=on", "synchronous_commit=on", "full_page_writes=on");
        }
    }

    /**
     * The stack here runs without start-up caches (each fresh CI stack would record them first); this
     * records one for a second practice-log-service beside it, in a state directory of its own.
     */
    @Test
    void aServiceRecordsItsStartupCacheOnceAndLaterStartsMapIt() throws Exception {
        StackSettings withCaches = secondPracticeLogService("it-startup-cache", settings.serviceJvmOptions());
        Path publicKey = LocalKeys.ensure(settings.keys());
        List<ServiceProcess> running = new ArrayList<>();

        ServiceGroups.recordStartupCaches(withCaches, publicKey, List.of(Service.PRACTICE_LOG), running);

        assertThat(running).as("the recording JVM is stopped").isEmpty();
        assertThat(ServiceProcess.startRecording(Service.PRACTICE_LOG, withCaches, publicKey)).as("recorded once").isEmpty();
        ServiceProcess started = ServiceProcess.start(Service.PRACTICE_LOG, withCaches, publicKey);
        try {
            Path cache = started.startupCache().orElseThrow();
            assertThat(cache).isRegularFile().startsWith(withCaches.startupCacheDirectory());
            await().atMost(Duration.ofMinutes(1)).until(started::isReady);
            // the JVM maps a cache it accepts and unmaps one it rejects (another build, JDK or class path)
            assertThat(Files.readString(Path.of("/proc", Long.toString(started.pid()), "maps"))).contains(cache.toString());
            given().auth().oauth2(stack.demoTokenOrFail()).when().get(started.url() + "/practice-logs").then().statusCode(200);
        } finally {
            started.stop();
        }
    }

    /** {@code -Xshare:off} stands for a JDK without a base CDS archive: its JVM refuses to record one and exits. */
    @Test
    void aServiceWhoseJvmCannotRecordACacheStartsWithoutOneAndIsNotAskedAgain() throws Exception {
        StackSettings withCaches = secondPracticeLogService("it-no-startup-cache", settings.serviceJvmOptions() + " -Xshare:off");
        Path publicKey = LocalKeys.ensure(settings.keys());

        ServiceGroups.recordStartupCaches(withCaches, publicKey, List.of(Service.PRACTICE_LOG), new ArrayList<>());

        assertThat(ServiceProcess.startRecording(Service.PRACTICE_LOG, withCaches, publicKey)).as("not asked again").isEmpty();
        ServiceProcess started = ServiceProcess.start(Service.PRACTICE_LOG, withCaches, publicKey);
        try {
            assertThat(started.startupCache()).isEmpty();
            await().atMost(Duration.ofMinutes(1)).until(started::isReady);
        } finally {
            started.stop();
        }
    }

    /** Settings with start-up caches for one more practice-log-service beside the stack's, on a port and in a directory of its own. */
    private static StackSettings secondPracticeLogService(String directory, String jvmOptions) throws IOException {
        Path state = Path.of("target", directory).toAbsolutePath();
        LocalStack.deleteRecursively(state);
        Map<Service, Integer> ports = new EnumMap<>(settings.servicePorts());
        ports.put(Service.PRACTICE_LOG, FreePorts.take());
        StackSettings second = new StackSettings(settings.root(), state, settings.postgresPort(), settings.kafkaPort(),
                settings.kafkaControllerPort(), ports, false, jvmOptions, true);
        Files.createDirectories(second.logs());
        return second;
    }

    private static String url(Service service) {
        return settings.url(service);
    }
}
