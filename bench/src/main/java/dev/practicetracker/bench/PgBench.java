package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/** Runs pgbench against the stack's own PostgreSQL and reads its throughput and (sampled) latencies. */
final class PgBench {

    record Outcome(double tps, Histogram latencyMicros) {

        double p99Millis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgBench() {
    }

    static Outcome run(int port, String database, Path script, int clients, int seconds, Path work) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(work, "pgbench");
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-f", script.toString(), "--log", "--sampling-rate=0.05", "--log-prefix=" + logs.resolve("pgbench"), database));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        Histogram latency = new Histogram(3);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length >= 3) {
                        latency.recordValue(Math.max(1, Long.parseLong(fields[2])));
                    }
                }
            }
        }
        return new Outcome(Double.parseDouble(tps.group(1)), latency);
    }

    /** Runs a SQL file with psql (for setting up the limits database). */
    static void psql(int port, String database, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-v",
                "ON_ERROR_STOP=1", "-q", "-f", file.toString(), database).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("psql " + file + " failed:\n" + output);
        }
    }
}
