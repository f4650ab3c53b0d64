package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The entry point in front of four stand-in services, each answering with its name, the path and
 * query it received, and its stored OpenAPI document at {@code /q/openapi}.
 */
class EntryPointTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ORIGIN = "https://app.practice-tracker.test";

    private final Map<Service, HttpServer> services = new EnumMap<>(Service.class);
    private EntryPoint entryPoint;

    @BeforeEach
    void startServicesAndEntryPoint() throws IOException {
        List<String> documents = OpenApiMergeTest.storedDocuments();
        for (Service service : Service.values()) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            String document = documents.get(service.ordinal());
            server.createContext("/", exchange -> {
                boolean openApi = exchange.getRequestURI().getPath().equals("/q/openapi");
                byte[] body = (openApi ? document
                        : service.module + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("X-Seen-Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/made/1");
                exchange.sendResponseHeaders(openApi ? 200 : 201, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            services.put(service, server);
        }
        entryPoint = EntryPoint.start(0, service -> "http://127.0.0.1:" + services.get(service).getAddress().getPort(), " " + ORIGIN + " ,");
    }

    @AfterEach
    void stop() {
        entryPoint.close();
        services.values().forEach(server -> server.stop(0));
    }

    @Test
    void eachRouteReachesTheServiceThatOwnsItWithPathQueryBodyAndHeadersAndLocationsLeadBack() throws Exception {
        for (Route route : Route.values()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(entryPoint.url() + route.prefix + "/abc?limit=2"))
                    .header("Authorization", "Bearer t").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo(route.service.module + " POST " + route.prefix + "/abc?limit=2 {\"a\":1}");
            assertThat(response.headers().firstValue("X-Seen-Authorization")).hasValue("Bearer t");
            assertThat(response.headers().firstValue("Location")).as("through the entry point, as the client addressed it")
                    .hasValue(entryPoint.url() + "/made/1");
        }
    }

    @Test
    void aPrefixMatchesWholePathElementsOnly() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/skills"))).body()).startsWith("skills-service GET /skills ");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/skillset")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/q/health"))).statusCode()).isEqualTo(404);
    }

    @Test
    void theMergedDocumentIsServedWithCorsForTheConfiguredOriginsOnly() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/q/openapi")).header("Origin", ORIGIN));
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/q/openapi"))
                .header("Origin", "https://elsewhere.test"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(allowed.body());
        assertThat(document).isEqualTo(json.readTree(OpenApiMerge.merge(OpenApiMergeTest.storedDocuments())));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGateway() throws Exception {
        services.get(Service.EVIDENCE).stop(0);

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(entryPoint.url() + "/evidence")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("evidence-service");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
