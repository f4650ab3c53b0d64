package dev.practicetracker.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.practicetracker.local.LocalStack;
import dev.practicetracker.local.Service;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** What every scenario needs: the stack, an HTTP client, tokens, the database and broker addresses. */
final class BenchContext implements AutoCloseable {

    final LocalStack stack;
    final Path root;
    final Path work;
    final Duration measure;
    final Vertx vertx = Vertx.vertx();
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    final WebClient http = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(256).setKeepAlive(true)
            .setPipelining(false).setConnectTimeout(5000).setIdleTimeout(60));

    BenchContext(LocalStack stack, Path root, Path work, Duration measure) {
        this.stack = stack;
        this.root = root;
        this.work = work;
        this.measure = measure;
    }

    String url(Service service) {
        return stack.url(service);
    }

    /** Signed once per user and reused, as a real client would: signing is not what is measured. */
    String token(UUID user) {
        return tokens.computeIfAbsent(user, stack::tokenFor);
    }

    String adminToken() {
        return stack.tokenFor(UUID.randomUUID(), List.of("admin"));
    }

    int postgresPort() {
        return stack.settings().postgresPort();
    }

    String kafka() {
        return stack.settings().kafkaBootstrap();
    }

    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + name, "postgres", "");
    }

    /**
     * Lets a bulk load finish landing before anything is measured: a checkpoint writes PostgreSQL's
     * dirty pages and {@code sync} waits for the kernel to write them back. Without it the first
     * scenario after a million-row load shares the disk and the CPU with that write-back.
     */
    void settle() throws Exception {
        try (Connection postgres = database("postgres")) {
            postgres.createStatement().execute("checkpoint");
        }
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (sync.waitFor() != 0) {
            throw new IllegalStateException("sync failed");
        }
    }

    HttpRequest<Buffer> request(HttpMethod method, Service service, String path, UUID user) {
        return http.requestAbs(method, url(service) + path).bearerTokenAuthentication(token(user));
    }

    /** Sends and waits (for set-up, not for measuring). */
    HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> request) {
        try {
            return request.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("request failed", e);
        }
    }

    UUID createSkill(UUID user, String name) {
        HttpResponse<Buffer> response = await(request(HttpMethod.POST, Service.SKILLS, "/skills", user)
                .sendJsonObject(new JsonObject(Map.of("name", name))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("cannot create a skill: " + response.statusCode() + " " + response.bodyAsString());
        }
        return UUID.fromString(response.bodyAsJsonObject().getString("id"));
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
