package dev.practicetracker.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * P1: {@code POST /practice-logs} per second at 8, 32 and 128 concurrent clients (distinct users),
 * against pgbench running the same insert plus outbox insert as one statement, same client counts.
 */
final class WriteThroughput {

    static final int[] CLIENTS = { 8, 32, 128 };
    static final double MINIMUM_RATIO = 0.5;
    /** Each level's own ramp; the JIT was warmed before (see {@link WarmUp}). */
    static final Duration WARM_UP = Duration.ofSeconds(3);

    /** The users (each with one skill) the later scenarios reuse. */
    record Writers(List<UUID> users, List<UUID> skills) {
    }

    private WriteThroughput() {
    }

    static Writers prepare(BenchContext bench, int count) {
        List<UUID> users = new ArrayList<>();
        List<UUID> skills = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            skills.add(bench.createSkill(user, "Bench skill " + i));
        }
        return new Writers(users, skills);
    }

    static List<Result> run(BenchContext bench, Writers writers) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int clients : CLIENTS) {
            bench.quiesce();
            HttpLoad.Outcome ours = writes(bench, writers, clients);
            PgBench.Outcome limit = PgBench.run(bench.postgresPort(), "limits", bench.root.resolve("bench/sql/insert_with_outbox.sql"),
                    clients, (int) bench.measure.toSeconds(), bench.work);
            System.out.printf("P1 @%d: %.0f writes/s (p99 %.1f ms, %d errors) vs pgbench %.0f tps%n", clients, ours.perSecond(),
                    ours.p99Millis(), ours.errors(), limit.tps());
            results.add(Result.throughput("P1@" + clients, "POST /practice-logs, " + clients + " clients (p99 "
                    + Result.format(ours.p99Millis()) + " ms)", ours.perSecond(), "req/s", "pgbench insert + outbox (one statement)",
                    limit.tps(), MINIMUM_RATIO));
        }
        return results;
    }

    /** {@code clients} closed-loop writers of logs, each its own user's, for the bench's measuring window. */
    static HttpLoad.Outcome writes(BenchContext bench, Writers writers, int clients) throws Exception {
        return HttpLoad.closedLoop(clients, WARM_UP, bench.measure, 201,
                client -> bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs", writers.users().get(client))
                        .sendJsonObject(log(writers.skills().get(client))));
    }

    static JsonObject log(UUID skill) {
        return new JsonObject(Map.of("skill_id", skill.toString(), "date_practiced", Instant.now().minusSeconds(600).toString(),
                "duration", 30, "description", "Practiced scales and arpeggios for the benchmark", "difficulty_rating", 3));
    }
}
