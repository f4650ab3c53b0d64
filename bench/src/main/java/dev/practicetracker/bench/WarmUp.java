package dev.practicetracker.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * Brings every service to its steady state before anything is measured. On this machine the JIT
 * (C2) of four JVMs sharing two cores keeps compiling for minutes once load starts: profiles taken
 * 60–90 s into a write load showed 44 % of practice-log-service's CPU and 59–66 % of each consumer's
 * in the compiler, settling below 10–20 % after about four minutes. A scenario measured before that
 * measures the compiler. So: writes (which also drive the relay and all three consumers) and reads
 * of progress and history, side by side, for the warm-up time.
 */
final class WarmUp {

    static final int WRITERS = 8;
    static final int READERS = 4;

    private WarmUp() {
    }

    static void run(BenchContext bench, WriteThroughput.Writers writers, Duration time) {
        if (time.isZero()) {
            return;
        }
        System.out.printf("[bench] JIT warm-up: %d s of writes (%d clients) and reads (%d clients)%n", time.toSeconds(), WRITERS, READERS);
        int skills = writers.skills().size();
        CompletableFuture<HttpLoad.Outcome> writes = CompletableFuture.supplyAsync(() -> load(() -> HttpLoad.closedLoop(WRITERS,
                Duration.ZERO, time, 201, client -> bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs",
                        writers.users().get(client)).sendJsonObject(WriteThroughput.log(writers.skills().get(client))))));
        CompletableFuture<HttpLoad.Outcome> reads = CompletableFuture.supplyAsync(() -> load(() -> HttpLoad.closedLoop(READERS,
                Duration.ZERO, time, 200, client -> {
                    int pick = (int) (System.nanoTime() % skills);
                    String path = client % 2 == 0 ? "/progress/skills/" + writers.skills().get(pick) : "/practice-logs?limit=50";
                    return bench.request(HttpMethod.GET, client % 2 == 0 ? Service.PROGRESS : Service.PRACTICE_LOG, path,
                            writers.users().get(pick)).send();
                })));
        HttpLoad.Outcome written = writes.join();
        HttpLoad.Outcome read = reads.join();
        System.out.printf("[bench] warm-up done: %.0f writes/s, %.0f reads/s, %d errors%n", written.perSecond(), read.perSecond(),
                written.errors() + read.errors());
    }

    private interface Load {
        HttpLoad.Outcome run() throws InterruptedException;
    }

    private static HttpLoad.Outcome load(Load load) {
        try {
            return load.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
