package dev.practicetracker.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

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

    /**
     * Waits until the system is quiet: every outbox empty and every consumer group caught up with
     * every partition it reads. A scenario then starts without the previous one's backlog (a consumer
     * still catching up after P1 at 128 clients would otherwise share the CPU with P2).
     */
    void quiesce() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka()))) {
            while (backlog(admin) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stack did not become quiet within 10 minutes");
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private long backlog(Admin admin) throws Exception {
        long waiting = 0;
        for (String database : List.of("skills", "practice_logs", "evidence")) {
            try (Connection connection = database(database);
                    var rows = connection.createStatement().executeQuery("select count(*) from outbox")) {
                rows.next();
                waiting += rows.getLong(1);
            }
        }
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!group.groupId().endsWith("-service")) {
                continue; // the perf tools' own groups
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    waiting += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        }
        return waiting;
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
