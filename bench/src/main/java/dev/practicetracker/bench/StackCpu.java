package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of every process of the stack, from {@code /proc}: each service's JVM, PostgreSQL (the
 * postmaster, its live backends, and the children it has reaped), and the Kafka broker.
 */
final class StackCpu {

    /** Linux's USER_HZ: the unit of {@code /proc/<pid>/stat}'s times. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU milliseconds used so far, by process group. */
    record Snapshot(Map<String, Double> millis) {

        /** What each group used since {@code before}. */
        Map<String, Double> since(Snapshot before) {
            Map<String, Double> used = new LinkedHashMap<>();
            millis.forEach((name, now) -> used.put(name, now - before.millis().getOrDefault(name, 0.0)));
            return used;
        }
    }

    private StackCpu() {
    }

    static Snapshot take(BenchContext bench) throws IOException {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Map.Entry<dev.practicetracker.local.Service, Long> service : bench.stack.servicePids().entrySet()) {
            millis.put(service.getKey().module, treeMillis(service.getValue()));
        }
        for (Map.Entry<String, Long> infrastructure : bench.stack.infrastructurePids().entrySet()) {
            millis.put(infrastructure.getKey(), treeMillis(infrastructure.getValue()));
        }
        return new Snapshot(millis);
    }

    /** A process's CPU time with that of its children, alive and reaped. */
    static double treeMillis(long pid) throws IOException {
        long ticks = ticks(pid, true);
        List<ProcessHandle> children = ProcessHandle.of(pid).map(process -> process.descendants().toList()).orElse(List.of());
        for (ProcessHandle child : children) {
            ticks += ticks(child.pid(), false);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** utime + stime (fields 14 and 15 of {@code stat}), with cutime + cstime (16, 17) when asked; 0 for a process gone. */
    private static long ticks(long pid, boolean withReaped) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return 0;
        }
        // the fields after the command name, which may hold spaces: the first of them is field 3
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }
}
