package dev.practicetracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import dev.practicetracker.local.LocalStack;
import dev.practicetracker.local.Service;
import dev.practicetracker.local.StackSettings;

/**
 * Runs the benchmarks P1–P13 against a fresh local stack, with each limit measured in the same run,
 * and reports every figure beside its limit as a ratio.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] arguments) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Set<String> only = Set.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12", "P13");
        int seconds = 15;
        int warmUp = 240;
        boolean durable = true;
        for (int i = 0; i < arguments.length; i++) {
            switch (arguments[i]) {
                case "--root" -> root = Path.of(arguments[++i]).toAbsolutePath().normalize();
                case "--only" -> only = Arrays.stream(arguments[++i].split(",")).map(String::strip).collect(Collectors.toSet());
                case "--seconds" -> seconds = Integer.parseInt(arguments[++i]);
                case "--warm-up" -> warmUp = Integer.parseInt(arguments[++i]);
                case "--non-durable" -> durable = false;
                default -> throw new IllegalArgumentException(
                        "usage: bench/run [--only P1,P3] [--seconds 15] [--warm-up 240] [--non-durable]");
            }
        }
        StackSettings defaults = StackSettings.fromEnvironment(root, true);
        StackSettings durableSettings = new StackSettings(root, root.resolve("bench").resolve(".stack"), defaults.postgresPort(),
                defaults.kafkaPort(), defaults.kafkaControllerPort(), defaults.servicePorts(), true,
                defaults.serviceJvmOptions() + " " + StackSettings.WITHOUT_RATE_LIMITS, defaults.startupCaches());
        StackSettings settings = durable ? durableSettings : durableSettings.losingCommitsOnCrash();
        if (!durable) {
            System.out.println("[bench] PostgreSQL without fsync, synchronous commits or full-page writes: what durability costs,"
                    + " never how the product runs");
        }
        Path work = Files.createDirectories(settings.stateDirectory().resolve("work"));
        List<Result> results = new ArrayList<>();
        System.out.println("[bench] starting a fresh local stack");
        try {
            runScenarios(settings, root, work, seconds, warmUp, only, results);
        } finally {
            // whatever was measured is kept, also when a later scenario fails
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("java", System.getProperty("java.version"));
            machine.put("service_jvm_options", settings.serviceJvmOptions());
            for (Service service : Service.values()) {
                if (!service.ownJvmOptions.isEmpty()) {
                    machine.put(service.module + "_own_jvm_options", String.join(" ", service.ownJvmOptions));
                }
            }
            machine.put("measuring_seconds", seconds);
            machine.put("warm_up_seconds", warmUp);
            machine.put("postgresql_durable", durable);
            Path json = Report.writeJson(root.resolve("bench/results"), durable ? "" : "-non-durable", results, machine);
            System.out.println();
            System.out.println(Report.markdown(results));
            System.out.println("[bench] results in " + root.relativize(json));
        }
    }

    /** The scenarios whose limits are measured on the 1 M-row limits database (pgbench, COPY). */
    private static final Set<String> USE_THE_LIMITS_DATABASE = Set.of("P1", "P3", "P5", "P6", "P8", "P10", "P12");

    private static void runScenarios(StackSettings settings, Path root, Path work, int seconds, int warmUp, Set<String> only,
            List<Result> results)
            throws Exception {
        try (LocalStack stack = LocalStack.start(settings);
                BenchContext bench = new BenchContext(stack, root, work, Duration.ofSeconds(seconds))) {
            // Ctrl-C or SIGTERM mid-run still stops every process the stack started
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-shutdown"));
            if (only.stream().anyMatch(USE_THE_LIMITS_DATABASE::contains)) {
                System.out.println("[bench] creating the limits database (1 M rows)");
                PgBench.psql(settings.postgresPort(), "postgres", root.resolve("bench/sql/limits.sql"));
                bench.settle();
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
                admin.createTopics(List.of(new NewTopic("bench-e2e", 1, (short) 1))).all().get();
            }
            WriteThroughput.Writers writers = WriteThroughput.prepare(bench, WriteThroughput.CLIENTS[WriteThroughput.CLIENTS.length - 1]);
            WarmUp.run(bench, writers, Duration.ofSeconds(warmUp));
            if (only.contains("P1")) {
                results.addAll(WriteThroughput.run(bench, writers));
            }
            // P2 and P8 load the stack at shares of the write capacity measured here
            double capacity = only.contains("P2") || only.contains("P8") ? WriteCapacity.measure(bench, writers) : 0;
            if (only.contains("P2")) {
                results.addAll(Freshness.run(bench, writers, capacity));
            }
            if (only.contains("P8")) {
                results.addAll(WriteCost.run(bench, writers, capacity));
            }
            if (only.contains("P9")) {
                bench.quiesce();
                results.addAll(DerivedEvents.run(bench, writers));
            }
            if (only.contains("P10")) {
                bench.quiesce();
                results.addAll(DueReminders.run(bench));
            }
            if (only.contains("P11")) {
                bench.quiesce();
                results.addAll(InsightReads.run(bench));
            }
            if (only.contains("P3")) {
                bench.quiesce();
                results.addAll(ReadThroughput.run(bench, writers));
            }
            if (only.contains("P5")) {
                bench.quiesce();
                results.addAll(CsvImport.run(bench));
            }
            if (only.contains("P12")) {
                bench.quiesce();
                results.addAll(ForeignImports.run(bench));
            }
            if (only.contains("P13")) {
                bench.quiesce();
                results.addAll(AccountExports.run(bench));
            }
            if (only.contains("P6")) {
                System.out.println("[bench] generating 1 M practice logs");
                HistoryPages.generate(bench);
                bench.settle();
                bench.quiesce();
                results.addAll(HistoryPages.run(bench));
            }
            if (only.contains("P4")) {
                results.addAll(Rebuild.run(bench));
            }
            if (only.contains("P7")) {
                bench.quiesce();
                results.addAll(Startup.run(bench));
            }
        }
    }
}
