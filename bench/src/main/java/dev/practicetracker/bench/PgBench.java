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

    /** Its throughput, its sampled latencies, and the CPU time the pgbench client itself used (NaN when not measured). */
    record Outcome(double tps, Histogram latencyMicros, double clientCpuMillis) {

        double p99Millis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private static final Pattern CPU_TIMES = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgBench() {
    }

    static Outcome run(int port, String database, Path script, int clients, int seconds, Path work) throws IOException, InterruptedException {
        return run(port, database, script, clients, seconds, work, false);
    }

    /** @param clientCpu whether to measure the client's own CPU time (run under a shell whose {@code times} reports it) */
    static Outcome run(int port, String database, Path script, int clients, int seconds, Path work, boolean clientCpu)
            throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory(work, "pgbench");
        List<String> command = new ArrayList<>(clientCpu ? List.of("bash", "-c", "\"$@\"; status=$?; times; exit $status", "pgbench")
                : List.of());
        command.addAll(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
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
        return new Outcome(Double.parseDouble(tps.group(1)), latency, clientCpu ? childrenCpuMillis(output) : Double.NaN);
    }

    /** The children's user and system time, the last line of bash's {@code times}: {@code 0m1.234s 0m0.567s}. */
    private static double childrenCpuMillis(String output) {
        String[] lines = output.strip().split("\n");
        Matcher times = CPU_TIMES.matcher(lines[lines.length - 1]);
        if (!times.matches()) {
            throw new IllegalStateException("no times in pgbench's output:\n" + output);
        }
        return (Long.parseLong(times.group(1)) * 60 + Double.parseDouble(times.group(2)) + Long.parseLong(times.group(3)) * 60
                + Double.parseDouble(times.group(4))) * 1000;
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
