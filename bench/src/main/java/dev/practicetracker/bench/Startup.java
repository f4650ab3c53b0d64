package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.practicetracker.local.FreePorts;
import dev.practicetracker.local.ServiceProcess;
import dev.practicetracker.local.Service;

/**
 * P7: each service's start to ready (JVM launch to {@code /q/health/ready} answering 200) and its
 * resident memory after ten idle seconds, for one more instance of it started alone while the
 * stack runs (same database and broker), with the local stack's JVM flags.
 */
final class Startup {

    static final double MAXIMUM_SECONDS = 2;
    static final double MAXIMUM_MEGABYTES = 200;

    private Startup() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Service service : Service.values()) {
            long started = System.nanoTime();
            ServiceProcess copy = bench.stack.startCopy(service, FreePorts.take());
            try {
                while (!copy.isReady()) {
                    if (!copy.isAlive() || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                        throw new IllegalStateException(service.module + " did not become ready");
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                TimeUnit.SECONDS.sleep(10);
                double megabytes = residentMegabytes(copy.pid());
                System.out.printf("P7 %s (%s): ready in %.2f s, idle RSS %.0f MB%n", service.module, copy.runtime(), seconds,
                        megabytes);
                results.add(Result.bounded("P7 " + service.module, service.module + " start to ready (" + copy.runtime() + ")",
                        seconds, "s", "—", null, "", MAXIMUM_SECONDS));
                results.add(Result.bounded("P7 " + service.module + " RSS", service.module + " idle RSS", megabytes, "MB", "—", null, "",
                        MAXIMUM_MEGABYTES));
            } finally {
                copy.stop();
            }
        }
        return results;
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
