package dev.practicetracker.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.practicetracker.postgres.EmbeddedPostgresServer;
import dev.practicetracker.postgres.EmbeddedPostgresServer.Durability;

/**
 * The whole system on one machine with nothing but a JDK: one real PostgreSQL (a database per
 * service), one real Kafka broker, and the four packaged services. Stops everything it started,
 * services first, on close (and on Ctrl-C or SIGTERM when run by {@link LocalStackCommand}).
 *
 * <p>Replicated ({@link #startReplicated}), it runs as a Kubernetes Deployment with several replicas
 * does: each service's port is a {@link ServiceBalancer} that passes each request to a ready replica,
 * the replicas listen on ports of their own, and replicas can be added, stopped, killed and rolled.
 *
 * <p>Over 250 lines: it is the one handle the reliability suite, the bench and the container check
 * have on the running system, its infrastructure, services, replicas and faults alike.
 */
public final class LocalStack implements AutoCloseable {

    /** The demo user of the printed token; stable, so the demo's data is there again after a restart. */
    public static final UUID DEMO_USER = UUID.fromString("7d1f5a6e-0000-4000-8000-000000000001");

    private final StackSettings settings;
    private EmbeddedPostgresServer postgres;
    private KafkaNode kafka;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** Replicas per service; above one, each service's port is its balancer's; none: the infrastructure alone. */
    private final int replicas;
    private final Map<Service, ServiceBalancer> balancers = new EnumMap<>(Service.class);
    private EntryPoint entryPoint;

    private LocalStack(StackSettings settings, int replicas) {
        this.settings = settings;
        this.replicas = replicas;
    }

    public static LocalStack start(StackSettings settings) throws Exception {
        return start(settings, 1);
    }

    /**
     * PostgreSQL (with every service's database) and Kafka (with every topic) alone, for services
     * that run elsewhere: the container check runs them from their images.
     */
    public static LocalStack startInfrastructure(StackSettings settings) throws Exception {
        return start(settings, 0);
    }

    /** With this many replicas of every service, each behind a balancer on the service's port. */
    public static LocalStack startReplicated(StackSettings settings, int replicas) throws Exception {
        if (replicas < 2) {
            throw new IllegalArgumentException("a replicated stack runs two replicas or more of each service");
        }
        return start(settings, replicas);
    }

    private static LocalStack start(StackSettings settings, int replicas) throws Exception {
        LocalStack stack = new LocalStack(settings, replicas);
        // a JVM stopped while the stack starts (Ctrl-C, SIGTERM) stops what has started so far; once
        // started, the caller decides when it stops
        Thread stopWhileStarting = new Thread(stack::close, "local-stack-stop-while-starting");
        Runtime.getRuntime().addShutdownHook(stopWhileStarting);
        try {
            stack.startAll();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWhileStarting);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the stack is stopping
            }
        }
    }

    private void startAll() throws Exception {
        if (settings.fresh()) {
            deleteRecursively(settings.data());
        }
        Files.createDirectories(settings.data());
        Files.createDirectories(settings.logs());
        requireFree("PostgreSQL", settings.postgresPort());
        requireFree("Kafka", settings.kafkaPort());
        requireFree("Kafka controller", settings.kafkaControllerPort());
        for (Service service : servicesItRuns()) {
            requireFree(service.module, settings.servicePorts().get(service));
        }
        if (replicas > 0 && settings.gatewayPort().isPresent()) {
            requireFree("the entry point", settings.gatewayPort().getAsInt());
        }
        Path publicKey = LocalKeys.ensure(settings.keys());

        say("starting PostgreSQL on 127.0.0.1:" + settings.postgresPort());
        startPostgres();
        for (Service service : Service.values()) {
            postgres.createDatabaseIfMissing(service.database);
        }
        say("starting Kafka on " + settings.kafkaBootstrap());
        kafka = KafkaNode.start(settings);
        if (replicas == 0) {
            return;
        }
        recordStartupCaches(publicKey);
        for (Service service : Service.values()) {
            if (replicas == 1) {
                ServiceProcess process = ServiceProcess.start(service, settings, publicKey);
                say("starting " + service.module + " on " + settings.url(service) + " (" + process.runtime() + ")");
                services.add(process);
            } else {
                balancers.put(service, ServiceBalancer.start(service, settings.servicePorts().get(service)));
                for (int i = 0; i < replicas; i++) {
                    ServiceProcess replica = startReplicaProcess(service, publicKey);
                    say("starting " + service.module + " replica " + replica.url() + " behind " + settings.url(service) + " ("
                            + replica.runtime() + ")");
                }
            }
        }
        ServiceGroups.awaitReady(settings, services, true);
        if (settings.gatewayPort().isPresent()) {
            entryPoint = EntryPoint.start(settings.gatewayPort().getAsInt(), settings::url, System.getenv("PT_CORS_ORIGINS"));
            say("serving every route on " + entryPoint.url() + " (the merged OpenAPI document: " + entryPoint.url() + EntryPoint.OPENAPI + ")");
        }
    }

    /** Every service, unless the stack runs the infrastructure alone. */
    List<Service> servicesItRuns() {
        return replicas == 0 ? List.of() : List.of(Service.values());
    }

    private ServiceProcess startReplicaProcess(Service service, Path publicKey) throws IOException {
        ServiceProcess replica = ServiceProcess.startCopy(service, settings, publicKey, FreePorts.take());
        services.add(replica);
        balancers.get(service).add(replica);
        return replica;
    }

    /**
     * The training start, on the first run of a build on a JDK: each service without a start-up
     * cache starts, is stopped once it is ready, and its JVM writes what start-up loaded as it exits.
     */
    private void recordStartupCaches(Path publicKey) throws Exception {
        ServiceGroups.recordStartupCaches(settings, publicKey, List.of(Service.values()), services);
    }

    public String url(Service service) {
        return settings.url(service);
    }

    /** The entry point serving every route on one port; only for settings with a gateway port. */
    public String entryPointUrl() {
        if (entryPoint == null) {
            throw new IllegalStateException("the stack runs no entry point");
        }
        return entryPoint.url();
    }

    String demoToken(Duration timeToLive) throws Exception {
        return LocalKeys.signer(settings.keys()).sign(DEMO_USER, "UTC", List.of("user"), Instant.now(), timeToLive);
    }

    public String demoTokenOrFail() {
        return tokenFor(DEMO_USER);
    }

    public String tokenFor(UUID user) {
        return tokenFor(user, "UTC");
    }

    /** A user's token whose {@code zoneinfo} is this IANA zone. */
    public String tokenFor(UUID user, String zone) {
        try {
            return LocalKeys.signer(settings.keys()).sign(user, zone, List.of("user"), Instant.now(), Duration.ofHours(1));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token with " + settings.keys(), e);
        }
    }

    /** A token of a user with these groups (e.g. {@code admin} for operations). */
    public String tokenFor(UUID user, List<String> groups) {
        try {
            return LocalKeys.signer(settings.keys()).sign(user, "UTC", groups, Instant.now(), Duration.ofHours(2));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token with " + settings.keys(), e);
        }
    }

    /** Another instance of a service on its own port, against the same database and broker (e.g. to time its start). */
    public ServiceProcess startCopy(Service service, int port) throws IOException {
        return ServiceProcess.startCopy(service, settings, LocalKeys.ensure(settings.keys()), port);
    }

    // Faults, for the reliability suite: each breaks one part the way production breaks it and
    // brings it back on the same ports with the same data.

    /** Crashes the Kafka broker (SIGKILL). */
    public synchronized void killKafka() throws InterruptedException {
        kafka.kill();
    }

    /** Starts the broker again after {@link #killKafka()}, with its log directory as the crash left it. */
    public synchronized void restartKafka() throws IOException, InterruptedException {
        kafka.close();
        kafka = KafkaNode.start(settings);
    }

    /** Stops PostgreSQL (every service's database) under the running services. */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
    }

    /**
     * Starts PostgreSQL on the stack's data directory, recovering from its WAL after a crash. Durable
     * (unless the settings say otherwise): a commit is on disk before a service acknowledges the write.
     */
    public synchronized void startPostgres() throws IOException {
        postgres = EmbeddedPostgresServer.start(settings.data().resolve("postgres"), settings.postgresPort(), false, false,
                settings.durable() ? Durability.DURABLE : Durability.LOST_ON_CRASH);
    }

    /** Crashes PostgreSQL: every one of its processes SIGKILLed at once, nothing flushed; returns how many. */
    public synchronized int crashPostgres() throws IOException, InterruptedException {
        return postgres.crash();
    }

    /** Crashes one service (SIGKILL) mid-work. */
    public synchronized void kill(Service service) throws InterruptedException {
        find(service).kill();
    }

    /** Starts a crashed or stopped service again on its port and waits until it is ready. */
    public synchronized void restart(Service service) throws Exception {
        if (!balancers.isEmpty()) {
            throw new IllegalStateException("a replicated stack replaces replicas: killReplica, addReplica");
        }
        ServiceProcess old = find(service);
        old.stop();
        ServiceProcess started = ServiceProcess.start(service, settings, LocalKeys.ensure(settings.keys()));
        services.set(services.indexOf(old), started);
        ServiceGroups.awaitReady(settings, List.of(started), true);
    }

    // Replicas, for a stack started with startReplicated: what a Deployment does to its pods.

    /** The running replicas of a service, oldest first. */
    public synchronized List<ServiceProcess> replicas(Service service) {
        return services.stream().filter(process -> process.service() == service).toList();
    }

    /** The service's balancer: its ready replicas and the requests it could not pass on. */
    public ServiceBalancer balancer(Service service) {
        return requireBalanced(service);
    }

    /** Starts one more replica behind the service's balancer and waits until it is ready (and so gets requests). */
    public ServiceProcess addReplica(Service service) throws Exception {
        requireBalanced(service);
        ServiceProcess replica;
        synchronized (this) {
            replica = startReplicaProcess(service, LocalKeys.ensure(settings.keys()));
        }
        ServiceGroups.awaitReady(settings, List.of(replica), true);
        return replica;
    }

    /**
     * Stops a replica as Kubernetes stops a pod: SIGTERM, then waits until it has exited. The replica
     * reports not ready at once and serves for its shutdown delay, which is when the balancer stops
     * sending to it; then it finishes the requests it has.
     */
    public void stopReplica(ServiceProcess replica) {
        replica.stop();
        synchronized (this) {
            services.remove(replica);
            requireBalanced(replica.service()).remove(replica);
        }
    }

    /** Crashes a replica (SIGKILL): requests in flight there fail; the balancer drops it at its next probe. */
    public void killReplica(ServiceProcess replica) throws InterruptedException {
        replica.kill();
        synchronized (this) {
            services.remove(replica);
            requireBalanced(replica.service()).remove(replica);
        }
    }

    /**
     * A rolling update as a Deployment with {@code maxSurge: 1, maxUnavailable: 0} performs it: for each
     * old replica, a new one is started and awaited ready, then the old one is stopped gracefully.
     */
    public void rollingRestart(Service service) throws Exception {
        for (ServiceProcess old : replicas(service)) {
            addReplica(service);
            stopReplica(old);
        }
    }

    private ServiceBalancer requireBalanced(Service service) {
        ServiceBalancer balancer = balancers.get(service);
        if (balancer == null) {
            throw new IllegalStateException("the stack runs one instance of each service; start it with startReplicated");
        }
        return balancer;
    }

    private ServiceProcess find(Service service) {
        return services.stream().filter(process -> process.service() == service).findFirst().orElseThrow();
    }

    public StackSettings settings() {
        return settings;
    }

    /** Process ids of the running services, for measuring them. */
    public Map<Service, Long> servicePids() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        services.forEach(service -> pids.put(service.service(), service.pid()));
        return pids;
    }

    /** Process ids of PostgreSQL's postmaster (its backends are its children) and of the Kafka broker, for measuring them. */
    public synchronized Map<String, Long> infrastructurePids() throws IOException {
        return Map.of("postgresql", postgres.postmasterPid(), "kafka", kafka.pid());
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    @Override
    public synchronized void close() {
        if (entryPoint != null) {
            entryPoint.close();
            entryPoint = null;
        }
        ServiceGroups.stopAll(services);
        services.clear();
        balancers.values().forEach(ServiceBalancer::close);
        balancers.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    private static void requireFree(String what, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(what + " port " + port + " is in use (is the stack already running?)");
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void say(String message) {
        System.out.println("[local-stack] " + message);
    }
}
