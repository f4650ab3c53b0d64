package dev.practicetracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P8: the cost of one write — CPU milliseconds per acknowledged {@code POST /practice-logs} summed
 * over every process of the stack (the four services, PostgreSQL, Kafka; from {@code /proc}), at half
 * of the write capacity P1 measures at 32 clients (measured first, in the same run), open loop,
 * counted from a steady state until everything the writes caused downstream is done (the part of it
 * the stack burns at rest over as long, measured first, is reported beside). Beside it,
 * pgbench's CPU milliseconds (PostgreSQL's and the client's) per write of the same SQL, one
 * transaction per service as the stack runs it ({@code sql/write_and_project.sql}): the log insert and
 * its outbox row as one statement, evidence's upsert of the log it knows, and progress's upserts of
 * the fact, its day and the skill's figures with the outbox row of what moved.
 */
final class WriteCost {

    static final int LIMIT_CLIENTS = 8;
    static final double MAXIMUM_RATIO = 4;
    private static final int STEADY_SECONDS = 5;
    private static final int IDLE_SECONDS = 10;

    private WriteCost() {
    }

    static final double SHARE_OF_CAPACITY = 0.5;

    /** @param capacity the write rate of {@link WriteCapacity}, measured in the same run */
    static List<Result> run(BenchContext bench, WriteThroughput.Writers writers, double capacity) throws Exception {
        int rate = WriteCapacity.share(capacity, SHARE_OF_CAPACITY);
        int seconds = (int) bench.measure.toSeconds();
        int total = rate * (STEADY_SECONDS + seconds);
        bench.quiesce();
        // what the stack burns doing nothing (timers, polls, health), per second, to tell it from the writes' cost
        StackCpu.Snapshot idleFrom = StackCpu.take(bench);
        long idleStarted = System.nanoTime();
        TimeUnit.SECONDS.sleep(IDLE_SECONDS);
        Map<String, Double> idle = StackCpu.take(bench).since(idleFrom);
        double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;

        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        long timer = OpenLoop.start(bench, writers, rate, total, new OpenLoop.Answers() {
            @Override
            public void acknowledged(int write, int skill, long atNanos) {
                acknowledged.incrementAndGet();
                answered.incrementAndGet();
            }

            @Override
            public void failed(int write) {
                answered.incrementAndGet();
            }
        });
        TimeUnit.SECONDS.sleep(STEADY_SECONDS);
        StackCpu.Snapshot before = StackCpu.take(bench);
        long measuredFrom = System.nanoTime();
        int acknowledgedBefore = acknowledged.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120L);
        while (answered.get() < total && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        bench.vertx.cancelTimer(timer);
        bench.quiesce();
        Map<String, Double> used = StackCpu.take(bench).since(before);
        double window = (System.nanoTime() - measuredFrom) / 1e9;
        int writes = acknowledged.get() - acknowledgedBefore;
        double perWrite = used.values().stream().mapToDouble(Double::doubleValue).sum() / writes;
        double idlePerWrite = idle.values().stream().mapToDouble(Double::doubleValue).sum() / idleSeconds * window / writes;

        StackCpu.Snapshot pgBefore = StackCpu.take(bench);
        PgBench.Outcome limit = PgBench.run(bench.postgresPort(), "limits", bench.root.resolve("bench/sql/write_and_project.sql"),
                LIMIT_CLIENTS, seconds, bench.work, true);
        double postgres = StackCpu.take(bench).since(pgBefore).get("postgresql");
        double limitPerWrite = (postgres + limit.clientCpuMillis()) / (limit.tps() * seconds);

        StringBuilder split = new StringBuilder();
        used.forEach((name, millis) -> split.append(String.format(" %s %.2f (idle %.2f)", name, millis / writes,
                idle.get(name) / idleSeconds * window / writes)));
        System.out.printf("P8: %.2f CPU ms per write (of which %.2f the stack's idle rate over the %.1f s window) at %d writes/s"
                + " (half of %.0f at %d clients; %d writes), split:%s; pgbench %.3f CPU ms per write (PostgreSQL %.0f ms,"
                + " client %.0f ms, %.0f writes/s)%n", perWrite, idlePerWrite, window, rate, capacity, WriteCapacity.CLIENTS, writes,
                split, limitPerWrite, postgres, limit.clientCpuMillis(), limit.tps());
        List<Result> results = new ArrayList<>();
        results.add(Result.bounded("P8", "CPU ms per acknowledged write, every process of the stack, at " + rate
                + " writes/s (half of P1@" + WriteCapacity.CLIENTS + ")", perWrite, "ms", "pgbench, the write and its projections' statements: CPU ms per write",
                limitPerWrite, "ms", MAXIMUM_RATIO * limitPerWrite));
        results.add(Result.observed("P8 idle", "of which the stack's idle CPU rate over the window", idlePerWrite, "ms"));
        used.forEach((name, millis) -> results.add(Result.observed("P8 " + name, name + ": CPU ms per write (idle "
                + Result.format(idle.get(name) / idleSeconds * window / writes) + ")", millis / writes, "ms")));
        return results;
    }
}
