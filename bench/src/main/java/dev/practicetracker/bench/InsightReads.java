package dev.practicetracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.practicetracker.local.Service;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * P11: the read latency, p50 and p99, of the views across a user's logs (the summary across skills,
 * the patterns, a breakdown by tag) for a user with {@value CsvImport#ROWS} logs, imported as P5's
 * CSV file, read by one client after another (a user's own reads); beside it, the latency of a
 * skill's cached figures for the same user ({@code GET /progress/skills/{id}}, P3's read).
 */
final class InsightReads {

    private InsightReads() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        UUID user = UUID.randomUUID();
        var created = bench.await(bench.request(HttpMethod.POST, Service.SKILLS, "/skills", user).sendJsonObject(new JsonObject(
                Map.of("name", "Ten thousand logs", "category", "music", "tags", List.of("piano", "scales")))));
        UUID skill = UUID.fromString(created.bodyAsJsonObject().getString("id"));
        var imported = bench.await(bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs/import", user)
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(CsvImport.csv(skill))));
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("import failed: " + imported.statusCode() + " " + imported.bodyAsString());
        }
        awaitSessions(bench, user, skill, CsvImport.ROWS);
        bench.quiesce();
        System.out.printf("[bench] P11: reads across %,d logs of one user%n", CsvImport.ROWS);
        List<Result> results = new ArrayList<>();
        for (String[] read : new String[][] {
            { "summary", "/progress/summary?period=week&from=2025-01-01&to=2025-03-31" },
            { "patterns", "/progress/patterns" },
            { "breakdown", "/progress/breakdown?by=tag" },
            { "skill", "/progress/skills/" + skill } }) {
            HttpLoad.Outcome ours = HttpLoad.closedLoop(1, Duration.ofSeconds(3), bench.measure, 200,
                    client -> bench.request(HttpMethod.GET, Service.PROGRESS, read[1], user).send());
            System.out.printf("P11 %s: p50 %.2f ms, p99 %.2f ms (%.0f req/s, %d errors)%n", read[0], ours.p50Millis(), ours.p99Millis(),
                    ours.perSecond(), ours.errors());
            String what = "GET " + read[1].replaceAll("\\?.*|/[0-9a-f-]{36}$", "") + " of a user with " + CsvImport.ROWS + " logs, one client";
            results.add(Result.observed("P11 " + read[0] + " p50", what + ", p50", ours.p50Millis(), "ms"));
            results.add(Result.observed("P11 " + read[0] + " p99", what + ", p99", ours.p99Millis(), "ms"));
        }
        return results;
    }

    private static void awaitSessions(BenchContext bench, UUID user, UUID skill, int sessions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            var progress = bench.await(bench.request(HttpMethod.GET, Service.PROGRESS, "/progress/skills/" + skill, user).send());
            if (progress.statusCode() == 200 && progress.bodyAsJsonObject().getInteger("total_sessions") == sessions) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("progress did not count the " + sessions + " imported logs in 5 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
