package dev.practicetracker.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One packaged service ({@code target/quarkus-app}), configured for the local stack by system properties. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A recording JVM writes its ahead-of-time cache as it exits: on this machine 15 s or more. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(2);

    private final Service service;
    private final ChildProcess process;
    private final String url;
    private final Optional<AotCache> recording;
    private final boolean usesAotCache;

    private ServiceProcess(Service service, ChildProcess process, String url, Optional<AotCache> recording, boolean usesAotCache) {
        this.service = service;
        this.process = process;
        this.url = url;
        this.recording = recording;
        this.usesAotCache = usesAotCache;
    }

    static Path applicationJar(Path root, Service service) {
        return root.resolve(service.module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** The stack's own instance of a service; on JDK 25+ it records an ahead-of-time cache if there is none. */
    static ServiceProcess start(Service service, StackSettings settings, Path publicKey) throws IOException {
        return start(service, settings, publicKey, settings.servicePorts().get(service), service.module, true);
    }

    /** One more instance of a service beside the stack's own; it uses an ahead-of-time cache but never records one. */
    static ServiceProcess startCopy(Service service, StackSettings settings, Path publicKey, int port) throws IOException {
        return start(service, settings, publicKey, port, service.module + "-copy", false);
    }

    private static ServiceProcess start(Service service, StackSettings settings, Path publicKey, int port, String logName,
            boolean mayRecord) throws IOException {
        Path jar = applicationJar(settings.root(), service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package -DskipTests");
        }
        Optional<AotCache> cache = AotCache.of(settings.stateDirectory().resolve("aot"), service.module, jar.getParent(),
                Runtime.version());
        Optional<AotCache> recording = cache.filter(c -> mayRecord && !c.exists());
        if (recording.isPresent()) {
            recording.get().deleteOthers();
        }
        String database = "127.0.0.1:" + settings.postgresPort() + "/" + service.database;
        List<String> arguments = new ArrayList<>(settings.jvmOptions(service));
        arguments.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.reactive.url=postgresql://" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + database,
                "-Dquarkus.datasource.username=postgres",
                "-Dkafka.bootstrap.servers=" + settings.kafkaBootstrap(),
                "-Dmp.jwt.verify.issuer=" + StackSettings.ISSUER,
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                // read-your-writes: where to confirm a skill or a log too new for a projection
                "-Dquarkus.rest-client.skills-service.url=" + settings.url(Service.SKILLS),
                "-Dquarkus.rest-client.practice-log-service.url=" + settings.url(Service.PRACTICE_LOG),
                // the log files under .local/logs are for people: plain lines rather than production's JSON
                "-Dquarkus.log.console.json.enabled=false"));
        if (System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null
                && !settings.serviceJvmOptions().contains("-Dquarkus.otel.exporter.otlp.endpoint=")) {
            // no collector to send traces to unless one is named
            arguments.add("-Dquarkus.otel.sdk.disabled=true");
        }
        cache.ifPresent(c -> arguments.addAll(c.jvmOptions(mayRecord)));
        arguments.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.startJava(service.module, arguments, settings.logs().resolve(logName + ".log"),
                settings.root());
        return new ServiceProcess(service, process, "http://127.0.0.1:" + port, recording, cache.filter(AotCache::exists).isPresent());
    }

    /** The JVM it runs on, e.g. "JDK 25, AOT cache", for reports. */
    public String runtime() {
        String jdk = "JDK " + Runtime.version().feature();
        return usesAotCache ? jdk + ", AOT cache" : recording.isPresent() ? jdk + ", recording an AOT cache" : jdk;
    }

    /** Whether this instance records an ahead-of-time cache, written when it stops. */
    public boolean recordsAotCache() {
        return recording.isPresent();
    }

    public Service service() {
        return service;
    }

    public String url() {
        return url;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        if (recording.isEmpty()) {
            process.stop();
            return;
        }
        if (!process.stop(RECORDING_STOP_GRACE)) {
            try {
                recording.get().discard();
            } catch (IOException e) {
                System.err.println("could not delete the unfinished " + recording.get().file() + ": " + e.getMessage());
            }
        }
    }

    /** Crashes the service (SIGKILL). */
    public void kill() throws InterruptedException {
        process.kill();
    }
}
