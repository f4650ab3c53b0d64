package dev.practicetracker.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.local.Service;
import io.vertx.core.http.HttpMethod;

/**
 * P13: {@code GET /users/me/export} of a user with 100 000 logs (ten of P5's 10 000-row files
 * imported): the time to its last byte, against PostgreSQL's COPY of the same logs out of the
 * database, and how far the resident memory of the skills-service (which streams the document) and
 * the practice-log-service (which streams the logs) rises above where it was while it runs.
 */
final class AccountExports {

    static final int FILES = 10;
    static final int LOGS = FILES * CsvImport.ROWS;
    static final double MINIMUM_LOGS_PER_SECOND = 10_000;

    private AccountExports() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        UUID user = UUID.randomUUID();
        String csv = CsvImport.csv(bench.createSkill(user, "Exported skill"));
        for (int file = 0; file < FILES; file++) {
            var imported = bench.await(bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs/import", user)
                    .putHeader("Content-Type", "text/csv").sendBuffer(io.vertx.core.buffer.Buffer.buffer(csv)));
            if (imported.statusCode() != 201) {
                throw new IllegalStateException("import failed: " + imported.statusCode());
            }
        }
        bench.quiesce();
        bench.settle();
        // one export to warm the path, then the measured one
        export(bench, user);
        Map<Service, Long> pids = bench.stack.servicePids();
        List<Service> watched = List.of(Service.SKILLS, Service.PRACTICE_LOG);
        Map<Service, Double> before = new ConcurrentHashMap<>();
        Map<Service, Double> peak = new ConcurrentHashMap<>();
        for (Service service : watched) {
            before.put(service, residentMegabytes(pids.get(service)));
            peak.put(service, before.get(service));
        }
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (exporting.get()) {
                for (Service service : watched) {
                    peak.merge(service, residentMegabytes(pids.get(service)), Math::max);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "p13-rss");
        sampler.start();
        long started = System.nanoTime();
        io.vertx.core.buffer.Buffer document = export(bench, user);
        double seconds = (System.nanoTime() - started) / 1e9;
        exporting.set(false);
        sampler.join();
        long logs = countLogs(document);
        if (logs != LOGS) {
            throw new IllegalStateException("the export holds " + logs + " logs, not " + LOGS);
        }
        double copyPerSecond = copyOut(bench, user);
        double perSecond = LOGS / seconds;
        System.out.printf("P13: export of %d logs in %.2f s (%.1f MB, %.0f logs/s) vs COPY out %.0f rows/s; RSS rise: skills %.0f MB,"
                + " practice-log %.0f MB%n", LOGS, seconds, document.length() / 1e6, perSecond, copyPerSecond,
                peak.get(Service.SKILLS) - before.get(Service.SKILLS), peak.get(Service.PRACTICE_LOG) - before.get(Service.PRACTICE_LOG));
        List<Result> results = new ArrayList<>();
        results.add(Result.atLeast("P13", "GET /users/me/export of " + LOGS + " logs, to the last byte (" + Math.round(seconds * 100) / 100.0
                + " s, " + Math.round(document.length() / 1e5) / 10.0 + " MB)", perSecond, "logs/s",
                "PostgreSQL COPY of the same logs out", copyPerSecond, "rows/s", MINIMUM_LOGS_PER_SECOND));
        for (Service service : watched) {
            results.add(Result.observed("P13 " + service.module + " RSS", service.module + " resident memory rise while exporting",
                    peak.get(service) - before.get(service), "MB"));
        }
        return results;
    }

    private static io.vertx.core.buffer.Buffer export(BenchContext bench, UUID user) {
        var response = bench.await(bench.request(HttpMethod.GET, Service.SKILLS, "/users/me/export", user).send());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export failed: " + response.statusCode());
        }
        return response.body();
    }

    /** The elements of {@code practice_logs}, read as a stream of tokens. */
    private static long countLogs(io.vertx.core.buffer.Buffer document) throws Exception {
        try (JsonParser parser = new ObjectMapper().getFactory().createParser(document.getBytes())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("practice_logs")) {
                    parser.skipChildren();
                    continue;
                }
                long logs = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    logs++;
                }
                return logs;
            }
            return -1;
        }
    }

    private static double copyOut(BenchContext bench, UUID user) throws Exception {
        try (Connection database = bench.database("practice_logs")) {
            var copy = database.unwrap(PGConnection.class).getCopyAPI();
            String sql = "copy (select * from practice_logs where user_id = '" + user + "') to stdout with (format csv)";
            copy.copyOut(sql, new StringWriter());
            long started = System.nanoTime();
            copy.copyOut(sql, new StringWriter());
            return LOGS / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static double residentMegabytes(long pid) {
        try {
            return Startup.residentMegabytes(pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
