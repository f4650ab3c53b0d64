package dev.practicetracker.practicelog.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The two calls of the skills-service an import from another tracker makes, {@code GET /skills?q=}
 * and {@code POST /skills}, answered over HTTP from memory, per caller (the token's {@code sub}); a
 * search for a name in {@link #BROKEN} answers 500. A slice of the skills-service for this module's
 * tests (the whole stack's tests use the real one).
 */
public class SkillsServiceStub implements QuarkusTestResourceLifecycleManager {

    /** Names whose search fails, as an unavailable skills-service would. */
    public static final Set<String> BROKEN = Set.of("unreachable skill");

    /** Each caller's skills: id and name. */
    private static final Map<UUID, List<Map<String, Object>>> SKILLS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;

    /** A skill the skills-service has and this service has not heard of yet (made a moment ago). */
    public static UUID madeAMomentAgo(UUID user, String name) {
        return add(user, name);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the skills-service stub", e);
        }
        server.createContext("/skills", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.skills-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        UUID user = subjectOf(exchange.getRequestHeaders().getFirst("Authorization"));
        List<Map<String, Object>> skills = SKILLS.computeIfAbsent(user, key -> new CopyOnWriteArrayList<>());
        if (exchange.getRequestMethod().equals("GET")) {
            String query = exchange.getRequestURI().getRawQuery();
            String q = query == null ? "" : URLDecoder.decode(query.replaceAll(".*(?:^|&)q=([^&]*).*", "$1"), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            if (BROKEN.contains(q)) {
                answer(exchange, 500, Map.of("title", "Internal Server Error"));
                return;
            }
            answer(exchange, 200, Map.of("items", skills.stream()
                    .filter(skill -> ((String) skill.get("name")).toLowerCase(Locale.ROOT).contains(q)).toList()));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String name = body.path("name").asText().strip();
        if (skills.stream().anyMatch(skill -> ((String) skill.get("name")).equalsIgnoreCase(name))) {
            answer(exchange, 409, Map.of("title", "Conflict"));
            return;
        }
        UUID id = add(user, name);
        answer(exchange, 201, skills.stream().filter(skill -> skill.get("id").equals(id.toString())).findFirst().orElseThrow());
    }

    private static UUID add(UUID user, String name) {
        UUID id = UUID.randomUUID();
        SKILLS.computeIfAbsent(user, key -> new CopyOnWriteArrayList<>())
                .add(Map.of("id", id.toString(), "user_id", user.toString(), "name", name, "version", 1));
        return id;
    }

    private static UUID subjectOf(String authorization) throws IOException {
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        return UUID.fromString(JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asText());
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
