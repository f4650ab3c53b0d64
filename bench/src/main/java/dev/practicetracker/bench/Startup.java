package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.practicetracker.local.FreePorts;
import dev.practicetracker.local.Service;
import dev.practicetracker.local.ServiceProcess;

/**
 * P7: each service's start to ready (JVM launch to {@code /q/health/ready} answering 200) and its
 * resident memory after ten idle seconds, for one more instance of it started alone while the
 * stack runs (same database and broker), with the local stack's JVM flags and start-up cache; beside
 * it, the same for the smallest Quarkus REST application ({@code bench/reference-app}), packaged and
 * started as the services are, measured in the same run: the limit the services' start is held to.
 */
final class Startup {

    /** A service may take this many times the reference application's start. */
    static final double MAXIMUM_RELATIVE = 1.5;
    static final double MAXIMUM_MEGABYTES = 200;
    static final String REFERENCE = "reference-app";

    /** How long one start took to be ready, and its resident memory once idle. */
    private record Measured(double seconds, double megabytes, String runtime) {
    }

    /** Starts one process of what is measured. */
    private interface Launch {

        ServiceProcess start() throws IOException;
    }

    private Startup() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        Path jar = bench.root.resolve("bench").resolve(REFERENCE).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package -DskipTests");
        }
        Launch reference = () -> ServiceProcess.startApplication(REFERENCE, jar, bench.stack.settings(), FreePorts.take());
        // its first start on a build records its start-up cache (as the stack's first start does for each
        // service) and is no measurement
        Optional<Measured> first = measure(reference, REFERENCE);
        Measured limit = first.isPresent() ? first.get() : measure(reference, REFERENCE).orElseThrow();
        List<Result> results = new ArrayList<>();
        results.add(Result.observed("P7 " + REFERENCE + " RSS", REFERENCE + " idle RSS", limit.megabytes(), "MB"));
        for (Service service : Service.values()) {
            Measured ours = measure(() -> bench.stack.startCopy(service, FreePorts.take()), service.module).orElseThrow();
            results.add(Result.bounded("P7 " + service.module, service.module + " start to ready (" + ours.runtime() + ")", ours.seconds(),
                    "s", REFERENCE + " start to ready (" + limit.runtime() + ")", limit.seconds(), "s",
                    MAXIMUM_RELATIVE * limit.seconds()));
            results.add(Result.bounded("P7 " + service.module + " RSS", service.module + " idle RSS", ours.megabytes(), "MB",
                    REFERENCE + " idle RSS", limit.megabytes(), "MB", MAXIMUM_MEGABYTES));
        }
        return results;
    }

    /** @return nothing when the start recorded its start-up cache rather than start from one */
    private static Optional<Measured> measure(Launch launch, String name) throws Exception {
        long started = System.nanoTime();
        ServiceProcess process = launch.start();
        try {
            awaitReady(process, name);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (process.isRecording()) {
                return Optional.empty();
            }
            TimeUnit.SECONDS.sleep(10);
            double megabytes = residentMegabytes(process.pid());
            System.out.printf("P7 %s (%s): ready in %.2f s, idle RSS %.0f MB%n", name, process.runtime(), seconds, megabytes);
            return Optional.of(new Measured(seconds, megabytes, process.runtime()));
        } finally {
            process.stop();
        }
    }

    private static void awaitReady(ServiceProcess process, String name) throws InterruptedException {
        long started = System.nanoTime();
        while (!process.isReady()) {
            if (!process.isAlive() || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                throw new IllegalStateException(name + " did not become ready; see " + process.log());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
