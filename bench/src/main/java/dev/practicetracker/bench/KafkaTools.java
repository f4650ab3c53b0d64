package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own perf tools (the kafka-tools artifact), run as child JVMs against the stack's broker. */
final class KafkaTools {

    /** Median and 99th percentile, in milliseconds. */
    record Latency(double p50, double p99) {
    }

    private static final Pattern PERCENTILES = Pattern.compile("50th = ([0-9.]+), 99th = ([0-9.]+)");

    private KafkaTools() {
    }

    static Latency endToEndLatency(String bootstrap, String topic, int records) throws IOException, InterruptedException {
        String output = run(List.of("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Integer.toString(records), "--producer-acks", "all", "--record-size", "512"));
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!percentiles.find()) {
            throw new IllegalStateException("no percentiles in EndToEndLatency's output:\n" + output);
        }
        return new Latency(Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)));
    }

    /** Records per second a plain consumer fetches from the topic (ConsumerPerformance's fetch.nMsg.sec). */
    static double consumerRecordsPerSecond(String bootstrap, String topic, long records) throws IOException, InterruptedException {
        String output = run(List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Long.toString(records), "--timeout", "120000", "--group", "bench-consumer-" + System.nanoTime()));
        List<String> lines = output.lines().filter(line -> !line.isBlank() && Character.isDigit(line.charAt(0))).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("no figures in ConsumerPerformance's output:\n" + output);
        }
        String[] fields = lines.get(lines.size() - 1).split(",");
        return Double.parseDouble(fields[fields.length - 1].strip());
    }

    private static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(arguments.get(0) + " failed:\n" + output);
        }
        return output;
    }
}
