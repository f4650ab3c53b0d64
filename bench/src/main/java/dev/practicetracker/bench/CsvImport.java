package dev.practicetracker.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;

import dev.practicetracker.local.Service;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * P5: rows per second of {@code POST /practice-logs/import} with 10 000-row CSV files, against
 * PostgreSQL COPY of the same rows. Two figures: one file at a time on a quiet stack (the import's
 * own speed, like COPY's), and files back to back, where each import shares the two cores with the
 * relay and the three consumers still working through the previous files' events.
 */
final class CsvImport {

    static final int ROWS = 10_000;
    static final int FILES = 5;
    static final double MINIMUM_ROWS_PER_SECOND = 20_000;

    private CsvImport() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        UUID user = UUID.randomUUID();
        UUID skill = bench.createSkill(user, "Imported skill");
        String csv = csv(skill);
        // warm-up import, then the measured ones
        importOnce(bench, user, csv);
        long importing = 0;
        for (int file = 0; file < FILES; file++) {
            bench.quiesce();
            importing += importOnce(bench, user, csv);
        }
        double alone = FILES * ROWS / (importing / 1e9);
        bench.quiesce();
        long started = System.nanoTime();
        for (int file = 0; file < FILES; file++) {
            importOnce(bench, user, csv);
        }
        double backToBack = FILES * ROWS / ((System.nanoTime() - started) / 1e9);
        double limit = copyRowsPerSecond(bench, csv);
        System.out.printf("P5: import %.0f rows/s one file at a time, %.0f rows/s back to back, vs COPY %.0f rows/s%n", alone,
                backToBack, limit);
        return List.of(
                Result.atLeast("P5", "CSV import, " + ROWS + "-row files, one at a time on a quiet stack", alone, "rows/s",
                        "PostgreSQL COPY of the same rows", limit, "rows/s", MINIMUM_ROWS_PER_SECOND),
                Result.atLeast("P5 burst", "CSV import, " + FILES + " files back to back (beside the previous files' events)",
                        backToBack, "rows/s", "PostgreSQL COPY of the same rows", limit, "rows/s", MINIMUM_ROWS_PER_SECOND));
    }

    /** @return how long the request took, in nanoseconds */
    private static long importOnce(BenchContext bench, UUID user, String csv) {
        long started = System.nanoTime();
        var response = bench.await(bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs/import", user)
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(csv)));
        long took = System.nanoTime() - started;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.bodyAsString());
        }
        return took;
    }

    static double copyRowsPerSecond(BenchContext bench, String csv) throws Exception {
        try (Connection database = bench.database("limits")) {
            database.createStatement().execute("create table if not exists copied (skill_id uuid, date_practiced timestamptz,"
                    + " duration int, description text, difficulty_rating smallint)");
            var copy = database.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy copied from stdin with (format csv, header)", new StringReader(csv));
            long started = System.nanoTime();
            for (int file = 0; file < FILES; file++) {
                copy.copyIn("copy copied from stdin with (format csv, header)", new StringReader(csv));
            }
            return FILES * ROWS / ((System.nanoTime() - started) / 1e9);
        }
    }

    static String csv(UUID skill) {
        StringBuilder csv = new StringBuilder("skill_id,date_practiced,duration,description,difficulty_rating\n");
        Instant start = Instant.parse("2025-01-01T07:00:00Z");
        for (int row = 0; row < ROWS; row++) {
            csv.append(skill).append(',').append(start.plusSeconds(600L * row)).append(',').append(5 + row % 115)
                    .append(",Imported practice session number ").append(row).append(',').append(1 + row % 5).append('\n');
        }
        return csv.toString();
    }
}
