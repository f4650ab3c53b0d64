package dev.practicetracker.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import dev.practicetracker.events.Topics;

/**
 * One real Kafka broker in KRaft mode (broker and controller in one node), run as a child JVM from
 * the Kafka jars on Maven Central, exactly as Kafka's own scripts run it. Its log directory lives
 * under {@code .local/data/kafka}, so topics and offsets survive restarts.
 */
final class KafkaNode implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ChildProcess process;
    private final String bootstrap;

    private KafkaNode(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    long pid() {
        return process.pid();
    }

    static KafkaNode start(StackSettings settings) throws IOException, InterruptedException {
        Path logDirectory = settings.data().resolve("kafka");
        Path config = settings.stateDirectory().resolve("kafka").resolve("server.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, serverProperties(settings, logDirectory));
        Path log = settings.logs().resolve("kafka.log");
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(config, log, settings.root());
        }
        ChildProcess process = ChildProcess.startJava("kafka", List.of(
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", config.toString()), log, settings.root());
        KafkaNode node = new KafkaNode(process, settings.kafkaBootstrap());
        node.awaitReadyAndCreateTopics(log, settings.kafkaPort());
        return node;
    }

    private static void format(Path config, Path log, Path root) throws IOException, InterruptedException {
        ChildProcess storageTool = ChildProcess.startJava("kafka-storage", List.of(
                "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString()), log, root);
        OptionalInt exit = storageTool.awaitExit(Duration.ofSeconds(60));
        if (exit.isEmpty() || exit.getAsInt() != 0) {
            storageTool.stop();
            throw new IllegalStateException("formatting Kafka's log directory failed; see " + log);
        }
    }

    private static String serverProperties(StackSettings settings, Path logDirectory) {
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + settings.kafkaBootstrap() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + settings.kafkaBootstrap(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory.toAbsolutePath(),
                "num.partitions=" + Topics.LOCAL_PARTITIONS,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private void awaitReadyAndCreateTopics(Path log, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited during start; see " + log);
            }
            if (!accepts(port)) {
                TimeUnit.MILLISECONDS.sleep(100);
                continue;
            }
            try (Admin admin = Admin.create(adminProperties())) {
                Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                List<NewTopic> missing = new ArrayList<>();
                for (String topic : Topics.ALL) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, Topics.LOCAL_PARTITIONS, (short) 1));
                    }
                    if (!existing.contains(Topics.deadLetter(topic))) {
                        missing.add(new NewTopic(Topics.deadLetter(topic), 1, (short) 1));
                    }
                }
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                }
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        throw new IllegalStateException("Kafka did not become ready on " + bootstrap + "; see " + log, last);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"));
        return properties;
    }

    /** Crashes the broker (SIGKILL); {@link #start} on the same settings brings it back with its data. */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.stop();
    }
}
