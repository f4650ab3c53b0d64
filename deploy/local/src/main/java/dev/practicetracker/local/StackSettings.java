package dev.practicetracker.local;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Where the stack keeps its state and which ports it listens on. Defaults are API.md's; each port
 * is overridable by an environment variable. {@code startupCaches}: whether the services start from
 * start-up caches the stack records for them ({@link StartupCache}; {@code PT_STARTUP_CACHES=off}
 * turns them off). {@code gatewayPort}: the port of the stack's {@link EntryPoint}, if it has one
 * ({@code deploy/local/run}'s stack has, on {@code PT_GATEWAY_PORT}, 8080 by default). {@code durable}:
 * whether PostgreSQL puts each commit on disk before acknowledging it; off only for the bench's
 * figures of what durability costs.
 */
public record StackSettings(Path root, Path stateDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
        Map<Service, Integer> servicePorts, boolean fresh, String serviceJvmOptions, boolean startupCaches, OptionalInt gatewayPort,
        boolean durable) {

    /** Durable, as every stack but one that shows what durability costs ({@link #losingCommitsOnCrash}). */
    public StackSettings(Path root, Path stateDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
            Map<Service, Integer> servicePorts, boolean fresh, String serviceJvmOptions, boolean startupCaches, OptionalInt gatewayPort) {
        this(root, stateDirectory, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, fresh, serviceJvmOptions, startupCaches,
                gatewayPort, true);
    }

    /** Without an entry point: each service is reached on its own port. */
    public StackSettings(Path root, Path stateDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
            Map<Service, Integer> servicePorts, boolean fresh, String serviceJvmOptions, boolean startupCaches) {
        this(root, stateDirectory, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, fresh, serviceJvmOptions, startupCaches,
                OptionalInt.empty());
    }

    public static final String ISSUER = "https://practice-tracker.local";
    /**
     * The services' JVM flags unless {@code PT_SERVICE_JVM_OPTS} says otherwise: small heaps and one GC
     * thread for four JVMs on a laptop, and, where the JDK has it (17.0.9+, 21.0.1+), the native heap
     * trimmed every 5 s, which returns the 15–20 MB that startup leaves free in malloc's arenas.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MaxMetaspaceSize=128m -Xss512k"
            + (hasVmOption("TrimNativeHeapInterval") ? " -XX:TrimNativeHeapInterval=5000" : "");

    /**
     * A flag for {@code serviceJvmOptions}: the services without API.md's rate limits, for load that
     * stands for many users but is sent as few (the bench measures capacity, the reliability suite
     * faults under load).
     */
    public static final String WITHOUT_RATE_LIMITS = "-Dpractice-tracker.rate-limits.enabled=false";

    public static StackSettings fromEnvironment(Path root, boolean fresh) {
        return fromEnvironment(root, root.resolve(".local"), fresh);
    }

    /** With the state (data, logs, keys, caches) in a directory of its own rather than the root's {@code .local}. */
    public static StackSettings fromEnvironment(Path root, Path stateDirectory, boolean fresh) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, port(service.portVariable, service.defaultPort));
        }
        int kafkaPort = port("PT_KAFKA_PORT", 29092);
        return new StackSettings(root, stateDirectory, port("PT_POSTGRES_PORT", 54329), kafkaPort,
                port("PT_KAFKA_CONTROLLER_PORT", kafkaPort + 1), ports, fresh,
                System.getenv().getOrDefault("PT_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS),
                !"off".equalsIgnoreCase(System.getenv().getOrDefault("PT_STARTUP_CACHES", "on").strip()),
                OptionalInt.of(port("PT_GATEWAY_PORT", 8080)));
    }

    /** A service's JVM flags: its own, then the shared ones (or {@code PT_SERVICE_JVM_OPTS}), so the shared ones win. */
    /** The same stack with a PostgreSQL that acknowledges commits a crash would lose: never for what a 2xx promises. */
    public StackSettings losingCommitsOnCrash() {
        return new StackSettings(root, stateDirectory, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, fresh, serviceJvmOptions,
                startupCaches, gatewayPort, false);
    }

    public List<String> jvmOptions(Service service) {
        List<String> options = new ArrayList<>(service.ownJvmOptions);
        options.addAll(sharedJvmOptions());
        return options;
    }

    /** The JVM flags every service shares ({@code serviceJvmOptions}, one per element). */
    public List<String> sharedJvmOptions() {
        return Arrays.asList(serviceJvmOptions.trim().split("\\s+"));
    }

    public Path keys() {
        return stateDirectory.resolve("keys");
    }

    public Path data() {
        return stateDirectory.resolve("data");
    }

    /** Start-up caches outlive {@code --fresh}: they depend on the build and the JDK, not on the data. */
    public Path startupCacheDirectory() {
        return stateDirectory.resolve("startup-caches");
    }

    public Path logs() {
        return stateDirectory.resolve("logs");
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    /** The entry point's URL; only for settings with one. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort.orElseThrow(() -> new IllegalStateException("these settings have no entry point"));
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Services run on the launcher's own JDK, so its flags are theirs. */
    private static boolean hasVmOption(String name) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return false;
        }
        try {
            hotSpot.getVMOption(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
