package dev.practicetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.practicetracker.events.Topics;
import dev.practicetracker.local.FreePorts;
import dev.practicetracker.local.LocalStack;
import dev.practicetracker.local.Service;
import dev.practicetracker.local.StackSettings;
import dev.practicetracker.reliability.Client.Response;
import dev.practicetracker.testing.Keys;
import dev.practicetracker.testing.PrometheusText;

/**
 * The whole system as users, operators and the broker see it: the packaged services on a real
 * PostgreSQL and a real Kafka broker (the local stack on free ports), with the calls and checks
 * the scenarios share.
 */
final class Practice implements AutoCloseable {

    final LocalStack stack;

    private Practice(LocalStack stack) {
        this.stack = stack;
    }

    private static Practice shared;

    /**
     * The one stack every test class of this module uses (starting it costs most of a minute);
     * it stops when the test JVM exits. Scenarios that break a part restore it before they end.
     */
    static synchronized Practice shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-reliability-stack"));
        }
        return shared;
    }

    private static Practice start() throws Exception {
        return new Practice(LocalStack.start(settings("reliability-stack", "")));
    }

    /**
     * A stack of its own with this many replicas of every service, as the Deployments run them, each
     * service's port a balancer over its ready replicas; the caller closes it. Its services' clocks
     * run ahead as far as {@link #moveClockAhead} says, and progress looks for due reminders every
     * 500 ms (rather than 10 s) so that each step of such a move is seen soon.
     */
    static Practice startReplicated(int replicas) throws Exception {
        Path directory = Path.of("target", "replicated-stack").toAbsolutePath();
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve(CLOCK_AHEAD));
        return new Practice(LocalStack.startReplicated(settings("replicated-stack", "-Dpractice-tracker.clock.ahead-file="
                + directory.resolve(CLOCK_AHEAD) + " -Dpractice-tracker.progress.reminders.check-interval=500ms"), replicas));
    }

    private static final String CLOCK_AHEAD = "clock-ahead";

    /** Moves the clock of the stack's services (of a replicated stack) this far ahead of the real time; only ever forward. */
    void moveClockAhead(Duration ahead) throws IOException {
        Path file = stack.settings().stateDirectory().resolve(CLOCK_AHEAD);
        Path written = Files.writeString(file.resolveSibling(CLOCK_AHEAD + ".new"), ahead.toString());
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static StackSettings settings(String directory, String jvmOptions) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.take());
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        // no start-up caches: a fresh stack would record them first, and failures are what is tested here; no rate
        // limits: a few clients here stand for many users (LocalStackIT meets the limits)
        return new StackSettings(root, Path.of("target", directory).toAbsolutePath(), FreePorts.take(), FreePorts.take(),
                FreePorts.take(), ports, true, StackSettings.DEFAULT_JVM_OPTIONS + " " + StackSettings.WITHOUT_RATE_LIMITS + " " + jvmOptions, false);
    }

    String url(Service service, String path) {
        return stack.url(service) + path;
    }

    String token(UUID user) {
        return stack.tokenFor(user);
    }

    /** An operator's token (the {@code admin} group), e.g. to manage the catalogue of templates. */
    String adminToken() {
        return stack.tokenFor(UUID.randomUUID(), List.of("admin"));
    }

    /** A new user with a token and one skill: how most scenarios begin. */
    record Learner(UUID user, String token, String skill) {
    }

    Learner newLearner() {
        UUID user = UUID.randomUUID();
        String token = token(user);
        return new Learner(user, token, createSkill(token));
    }

    String createSkill(String token) {
        Response created = Client.post(url(Service.SKILLS, "/skills"), token, Map.of("name", "Skill " + UUID.randomUUID()));
        if (created.status() != 201) {
            throw new AssertionError("skill not created: " + created);
        }
        return created.json().path("id").asText();
    }

    static Map<String, Object> log(String skill, int minutes) {
        Map<String, Object> log = new HashMap<>();
        log.put("skill_id", skill);
        log.put("date_practiced", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        log.put("duration", minutes);
        log.put("description", "Scales at " + minutes + " minutes");
        return log;
    }

    Response postLog(String token, String skill, int minutes) {
        return Client.post(url(Service.PRACTICE_LOG, "/practice-logs"), token, log(skill, minutes));
    }

    /** The skill's progress as the API answers it, or null while progress does not know it. */
    JsonNode progress(String token, String skill) {
        return progress(stack.url(Service.PROGRESS), token, skill);
    }

    /** The skill's progress as the progress-service at this base URL (one replica, say) answers it, or null. */
    static JsonNode progress(String progressService, String token, String skill) {
        Response progress = Client.get(progressService + "/progress/skills/" + skill, token);
        return progress.status() == 200 ? progress.json() : null;
    }

    /** Waits until progress counts exactly these sessions and minutes; returns when it did. */
    Instant awaitProgress(String token, String skill, long sessions, long minutes, Duration within) {
        return awaitProgress(stack.url(Service.PROGRESS), token, skill, sessions, minutes, within);
    }

    /** The same, as the progress-service at this base URL (one replica, say) answers it. */
    Instant awaitProgress(String progressService, String token, String skill, long sessions, long minutes, Duration within) {
        // asserted, so that a timeout says what progress counted last
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode progress = progress(progressService, token, skill);
            assertThat(progress).as("progress of skill %s", skill).isNotNull();
            assertThat(List.of(progress.path("total_sessions").asLong(), progress.path("total_minutes").asLong()))
                    .as(() -> "sessions and minutes of " + progress + "; " + pipelineOf(skill)).containsExactly(sessions, minutes);
        });
        return Instant.now();
    }

    /**
     * Waits until progress, as the progress-service at this base URL answers it, counts exactly what the
     * log database holds of the learner's skill; returns the sessions it counted beyond that (a phantom:
     * an event of a write the database does not hold), 0 once it agrees.
     */
    long awaitProgressOfLogDatabase(String progressService, Learner learner, Duration within) {
        long[] stored = recomputed(learner.skill());
        awaitProgress(progressService, learner.token(), learner.skill(), stored[0], stored[1], within);
        return progress(progressService, learner.token(), learner.skill()).path("total_sessions").asLong() - stored[0];
    }

    /** Where a skill's logs are on their way to progress: written, waiting in the outbox, not yet consumed. */
    private String pipelineOf(String skill) {
        try {
            long[] stored = recomputed(skill);
            return "practice-log holds " + stored[0] + " logs of the skill (" + stored[1] + " minutes), its outbox " + count(Service.PRACTICE_LOG, "select count(*) from outbox") + " events, progress-service's lag "
                    + lag("progress-service", Topics.PRACTICE_LOG_EVENTS);
        } catch (Exception unreadable) {
            return "the pipeline could not be read: " + unreadable;
        }
    }

    /** The progress document without its read time, for comparing two reads. */
    JsonNode progressSnapshot(String token, String skill) {
        JsonNode progress = progress(token, skill);
        if (progress instanceof ObjectNode object) {
            object.remove("as_of");
        }
        return progress;
    }

    int readiness(Service service) {
        return Client.get(url(service, "/q/health/ready"), null).status();
    }

    int liveness(Service service) {
        return Client.get(url(service, "/q/health/live"), null).status();
    }

    double metric(Service service, String name) {
        Response scrape = Client.get(url(service, "/q/metrics"), null);
        return scrape.status() == 200 ? PrometheusText.value(scrape.body(), name, null) : Double.NaN;
    }

    // the database of a service, read directly (as an operator would, to recompute or compare)

    long count(Service service, String sql, Object... parameters) {
        try (Connection connection = connect(service); PreparedStatement query = prepare(connection, sql, parameters)) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The skill's live logs counted from the log service's own database: sessions and minutes. */
    long[] recomputed(String skill) {
        return new long[] {
            count(Service.PRACTICE_LOG, "select count(*) from practice_logs where skill_id = ?::uuid", skill),
            count(Service.PRACTICE_LOG, "select coalesce(sum(duration), 0) from practice_logs where skill_id = ?::uuid", skill)
        };
    }

    /** The first column of every row a query answers, e.g. the ids of what a service stored. */
    Set<String> ids(Service service, String sql, Object... parameters) {
        try (Connection connection = connect(service); PreparedStatement query = prepare(connection, sql, parameters)) {
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a user in these tables of a service's database, as text, to compare two moments. */
    String rowsOf(Service service, UUID user, List<String> tables) {
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            try (Connection connection = connect(service);
                    PreparedStatement query = connection.prepareStatement("select t::text from " + table + " t where user_id = ?::uuid order by 1")) {
                query.setString(1, user.toString());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        text.append(table).append(' ').append(rows.getString(1)).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setObject(i + 1, parameters[i]);
        }
        return query;
    }

    Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.settings().postgresPort() + "/" + service.database,
                "postgres", "");
    }

    // the broker, read and written directly

    Properties kafka() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", stack.settings().kafkaBootstrap());
        return properties;
    }

    /** Every record of a topic from the beginning to its current end, in partition order. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = kafka();
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    void send(List<ProducerRecord<String, String>> records) {
        Properties properties = kafka();
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Waits until a consumer group has committed everything now on a topic. */
    void awaitCaughtUp(String group, String topic, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> lag(group, topic) == 0);
    }

    long lag(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    @Override
    public void close() {
        stack.close();
    }

    /** The key the stack's tokens are signed with, to forge tokens the services must still refuse. */
    PrivateKey stackKey() throws Exception {
        return Keys.readPrivatePem(stack.settings().keys().resolve("private.pem"));
    }
}
