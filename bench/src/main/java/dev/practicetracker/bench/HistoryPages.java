package dev.practicetracker.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * P6: {@code GET /practice-logs} first page and a deep page (the 19th of 50) with 1 M rows in the
 * table (1 000 users × 20 skills × 50 logs), against pgbench running the same keyset query with a
 * matching index on a 1 M-row table.
 */
final class HistoryPages {

    static final int CLIENTS = 8;
    static final int PAGE = 50;
    static final double MINIMUM_RATIO = 0.4;
    static final double MAXIMUM_P99_MILLIS = 10;
    static final long USER_BASE = 500_000_000L;

    private HistoryPages() {
    }

    /**
     * Writes 1 M logs straight into the practice-log database (a data generator, not the API): 1 000
     * users with 1 000 logs each, numbered 1–1 000 in each user's change feed, as the service would have.
     */
    static void generate(BenchContext bench) throws Exception {
        try (Connection database = bench.database("practice_logs")) {
            database.createStatement().execute("""
                    insert into practice_logs (id, user_id, skill_id, date_practiced, local_date, zone, duration, description,
                        difficulty_rating, confidence_rating, activity_type, milestone_id, version, created_at, updated_at, change_seq)
                    select ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid,
                           ('00000000-0000-4000-8000-' || lpad(to_hex(%1$d + i %% 1000), 12, '0'))::uuid,
                           ('00000000-0000-4000-a000-' || lpad(to_hex((i %% 1000) * 20 + (i / 1000) %% 20), 12, '0'))::uuid,
                           d, (d at time zone 'UTC')::date, 'UTC', 5 + (i %% 115),
                           'Practiced scales and arpeggios, focused on tempo and clean transitions #' || i,
                           1 + i %% 5, 1 + i %% 4, 'practice', null, 1, now(), now(), i / 1000 + 1
                      from generate_series(0::bigint, 999999) i, lateral (select now() - ((i * 7919) %% 730 || ' days')::interval
                           - ((i * 104729) %% 86400 || ' seconds')::interval as d) t;
                    insert into log_feeds (user_id, feed_id, last_seq)
                    select ('00000000-0000-4000-8000-' || lpad(to_hex(%1$d + u), 12, '0'))::uuid, gen_random_uuid(), 1000
                      from generate_series(0::bigint, 999) u
                    """.formatted(USER_BASE));
            database.createStatement().execute("analyze practice_logs");
        }
    }

    static List<Result> run(BenchContext bench) throws Exception {
        UUID user = UUID.fromString("00000000-0000-4000-8000-" + String.format("%012x", USER_BASE + 7));
        String deepCursor = cursorOfPage(bench, user, 19);
        List<Result> results = new ArrayList<>();
        PgBench.Outcome limit = PgBench.run(bench.postgresPort(), "limits", bench.root.resolve("bench/sql/history_page.sql"), CLIENTS,
                (int) bench.measure.toSeconds(), bench.work);
        for (String page : List.of("first", "deep")) {
            String path = "/practice-logs?limit=" + PAGE + ("deep".equals(page) ? "&cursor=" + deepCursor : "");
            HttpLoad.Outcome ours = HttpLoad.closedLoop(CLIENTS, Duration.ofSeconds(3), bench.measure, 200,
                    client -> bench.request(HttpMethod.GET, Service.PRACTICE_LOG, path, user).send());
            System.out.printf("P6 %s page: %.0f req/s (p99 %.2f ms, %d errors) vs pgbench %.0f tps (p99 %.2f ms)%n", page,
                    ours.perSecond(), ours.p99Millis(), ours.errors(), limit.tps(), limit.p99Millis());
            results.add(Result.throughput("P6 " + page, "GET /practice-logs " + page + " page of 50, 1 M rows, " + CLIENTS + " clients",
                    ours.perSecond(), "req/s", "pgbench keyset page", limit.tps(), MINIMUM_RATIO));
            results.add(Result.bounded("P6 " + page + " p99", "GET /practice-logs " + page + " page p99", ours.p99Millis(), "ms",
                    "pgbench p99", limit.p99Millis(), "ms", MAXIMUM_P99_MILLIS));
        }
        return results;
    }

    /** Walks the history through the API, as a client would, to the cursor of page {@code page}. */
    private static String cursorOfPage(BenchContext bench, UUID user, int page) {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            String path = "/practice-logs?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor);
            cursor = bench.await(bench.request(HttpMethod.GET, Service.PRACTICE_LOG, path, user).send()).bodyAsJsonObject()
                    .getString("next_cursor");
        }
        return cursor;
    }
}
