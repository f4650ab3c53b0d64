package dev.practicetracker.bench;

import java.time.Duration;
import java.util.List;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/** P3: {@code GET /progress/skills/{id}} per second and its p99, against pgbench's primary-key select of 1 M rows. */
final class ReadThroughput {

    static final int CLIENTS = 32;
    static final double MINIMUM_RATIO = 0.4;
    static final double MAXIMUM_P99_MILLIS = 10;

    private ReadThroughput() {
    }

    static List<Result> run(BenchContext bench, WriteThroughput.Writers writers) throws Exception {
        int skills = writers.skills().size();
        HttpLoad.Outcome ours = HttpLoad.closedLoop(CLIENTS, Duration.ofSeconds(3), bench.measure, 200, client -> {
            int pick = (int) (System.nanoTime() % skills);
            return bench.request(HttpMethod.GET, Service.PROGRESS, "/progress/skills/" + writers.skills().get(pick),
                    writers.users().get(pick)).send();
        });
        PgBench.Outcome limit = PgBench.run(bench.postgresPort(), "limits", bench.root.resolve("bench/sql/primary_key_select.sql"),
                CLIENTS, (int) bench.measure.toSeconds(), bench.work);
        System.out.printf("P3: %.0f reads/s (p99 %.2f ms, %d errors) vs pgbench %.0f tps (p99 %.2f ms)%n", ours.perSecond(),
                ours.p99Millis(), ours.errors(), limit.tps(), limit.p99Millis());
        return List.of(
                Result.throughput("P3", "GET /progress/skills/{id}, " + CLIENTS + " clients", ours.perSecond(), "req/s",
                        "pgbench primary-key select", limit.tps(), MINIMUM_RATIO),
                Result.bounded("P3 p99", "GET /progress/skills/{id} p99", ours.p99Millis(), "ms", "pgbench p99", limit.p99Millis(), "ms",
                        MAXIMUM_P99_MILLIS));
    }
}
