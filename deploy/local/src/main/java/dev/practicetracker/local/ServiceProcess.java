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

/**
 * One packaged service ({@code target/quarkus-app}), configured for the local stack by system
 * properties; or another Quarkus application packaged the same way ({@link #startApplication}).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * How long a stopping service serves on after reporting not ready (Kubernetes' pods: 5 s): its
     * balancer takes it out ~0.3 s after the first probe that meets the 503; the rest is room for the
     * requests already on their way.
     */
    static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(2);

    /** A recording JVM writes its start-up cache as it exits: on this machine 15 s or more for an AOT cache. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(2);

    private final Service service;
    private final String module;
    private final ChildProcess process;
    private final String url;
    private final StartupCache cache;
    private final boolean recording;
    private final boolean usesCache;
    private final Path log;
    private final String name;

    private ServiceProcess(Service service, String module, String name, ChildProcess process, Path log, String url, StartupCache cache,
            boolean recording, boolean usesCache) {
        this.service = service;
        this.module = module;
        this.name = name;
        this.process = process;
        this.log = log;
        this.url = url;
        this.cache = cache;
        this.recording = recording;
        this.usesCache = usesCache;
    }

    static Path applicationJar(Path root, Service service) {
        return root.resolve(service.module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** The stack's own instance of a service, from its start-up cache where the stack keeps them and one is recorded. */
    static ServiceProcess start(Service service, StackSettings settings, Path publicKey) throws IOException {
        return start(service, settings, publicKey, settings.servicePorts().get(service), service.module, false);
    }

    /** One more instance of a service beside the stack's own (or a replica behind its balancer), from the same start-up cache. */
    static ServiceProcess startCopy(Service service, StackSettings settings, Path publicKey, int port) throws IOException {
        return start(service, settings, publicKey, port, service.module + "-" + port, false);
    }

    /**
     * The training start of a service whose start-up cache the stack keeps but has not recorded for
     * this build and JDK: the caller stops it once it is ready, and its JVM writes the cache as it exits.
     */
    static Optional<ServiceProcess> startRecording(Service service, StackSettings settings, Path publicKey) throws IOException {
        StartupCache cache = cacheOf(service, settings);
        if (!settings.startupCaches() || !cache.needsRecording()) {
            return Optional.empty();
        }
        cache.deleteOthers();
        return Optional.of(start(service, settings, publicKey, settings.servicePorts().get(service),
                service.module + "-recording", true));
    }

    /**
     * A Quarkus application other than the services (the bench's reference for start-up), packaged as
     * they are, with only the services' shared JVM flags and, where the stack keeps them, its own
     * start-up cache. While none is recorded for this build and JDK this start records it
     * ({@link #isRecording}): the caller stops it once it is ready and starts it again.
     */
    public static ServiceProcess startApplication(String module, Path jar, StackSettings settings, int port) throws IOException {
        StartupCache cache = StartupCache.of(settings.startupCacheDirectory(), module, jar.getParent(), Runtime.version());
        boolean record = settings.startupCaches() && cache.needsRecording();
        if (record) {
            cache.deleteOthers();
        }
        return launch(null, module, jar, new ArrayList<>(settings.sharedJvmOptions()), settings, port,
                module + (record ? "-recording" : "-" + port), record);
    }

    private static StartupCache cacheOf(Service service, StackSettings settings) {
        return StartupCache.of(settings.startupCacheDirectory(), service.module, builtJar(service, settings).getParent(),
                Runtime.version());
    }

    private static Path builtJar(Service service, StackSettings settings) {
        Path jar = applicationJar(settings.root(), service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package -DskipTests");
        }
        return jar;
    }

    private static ServiceProcess start(Service service, StackSettings settings, Path publicKey, int port, String logName,
            boolean record) throws IOException {
        String database = "127.0.0.1:" + settings.postgresPort() + "/" + service.database;
        List<String> arguments = new ArrayList<>(settings.jvmOptions(service));
        arguments.addAll(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + database,
                "-Dquarkus.datasource.username=postgres",
                // which replica a connection belongs to, in pg_stat_activity
                "-Dquarkus.datasource.reactive.additional-properties.application_name=" + logName,
                "-Dkafka.bootstrap.servers=" + settings.kafkaBootstrap(),
                "-Dmp.jwt.verify.issuer=" + StackSettings.ISSUER,
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                // read-your-writes: where to confirm a skill or a log too new for a projection
                "-Dquarkus.rest-client.skills-service.url=" + settings.url(Service.SKILLS),
                "-Dquarkus.rest-client.practice-log-service.url=" + settings.url(Service.PRACTICE_LOG),
                // an account's export: where skills-service gathers the other services' parts
                "-Dquarkus.rest-client.evidence-service.url=" + settings.url(Service.EVIDENCE),
                "-Dquarkus.rest-client.progress-service.url=" + settings.url(Service.PROGRESS),
                // the log files under .local/logs are for people: plain lines rather than production's JSON
                "-Dquarkus.log.console.json.enabled=false",
                // a stopping replica reports not ready and serves on this long, while its balancer notices
                "-Dquarkus.shutdown.delay=" + SHUTDOWN_DELAY.toMillis() + "ms"));
        if (System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null
                && !settings.serviceJvmOptions().contains("-Dquarkus.otel.exporter.otlp.endpoint=")) {
            // no collector to send traces to unless one is named
            arguments.add("-Dquarkus.otel.sdk.disabled=true");
        }
        return launch(service, service.module, builtJar(service, settings), arguments, settings, port, logName, record);
    }

    /** Starts the packaged application on loopback at {@code port}, recording its start-up cache or from it. */
    private static ServiceProcess launch(Service service, String module, Path jar, List<String> arguments, StackSettings settings, int port,
            String logName, boolean record) throws IOException {
        StartupCache cache = StartupCache.of(settings.startupCacheDirectory(), module, jar.getParent(), Runtime.version());
        arguments.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        boolean usesCache = !record && settings.startupCaches() && cache.exists();
        if (record) {
            arguments.addAll(cache.recordOptions());
        } else if (usesCache) {
            arguments.addAll(cache.useOptions());
        }
        arguments.addAll(List.of("-jar", jar.toString()));
        Path log = settings.logs().resolve(logName + ".log");
        ChildProcess process = ChildProcess.startJava(module, arguments, log, settings.root());
        return new ServiceProcess(service, module, logName, process, log, "http://127.0.0.1:" + port, cache, record, usesCache);
    }

    /** The JVM it runs on, e.g. "JDK 17, CDS archive", for reports. */
    public String runtime() {
        String jdk = "JDK " + Runtime.version().feature();
        return usesCache ? jdk + ", " + cache.kind().description
                : recording ? jdk + ", recording its " + cache.kind().description : jdk;
    }

    /** The start-up cache it runs from, if any (to check that its JVM mapped it). */
    public Optional<Path> startupCache() {
        return usesCache ? Optional.of(cache.file()) : Optional.empty();
    }

    /** The service it runs; null for another application ({@link #startApplication}). */
    public Service service() {
        return service;
    }

    /** Whether this start records its start-up cache (written as it stops). */
    public boolean isRecording() {
        return recording;
    }

    /** Its name among the stack's processes (its log file's, and its connections' {@code application_name}). */
    public String name() {
        return name;
    }

    public Path log() {
        return log;
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
        return isReady(Duration.ofSeconds(2));
    }

    /** Whether its readiness check answers 200 within the timeout. */
    public boolean isReady(Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(timeout).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void stop() {
        if (!recording) {
            process.stop();
            return;
        }
        // stopped as it became ready, or before (the stack was stopped meanwhile), or it exited by itself
        boolean exitedByItself = !process.isAlive();
        boolean exited = process.stop(RECORDING_STOP_GRACE);
        try {
            if (!exited) {
                cache.discardRecording();
            } else if (!cache.keepRecording() && exitedByItself) {
                cache.markNotRecordable();
                System.err.println(module + " could not record its " + cache.kind().description + " (see " + log
                        + "); it starts without one on this build and JDK");
            }
        } catch (IOException e) {
            System.err.println("could not keep or delete " + module + "'s recorded " + cache.kind().description + ": "
                    + e.getMessage());
        }
    }

    /** Crashes the service (SIGKILL). */
    public void kill() throws InterruptedException {
        process.kill();
    }
}
