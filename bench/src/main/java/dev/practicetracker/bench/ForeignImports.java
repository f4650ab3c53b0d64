package dev.practicetracker.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.practicetracker.local.Service;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * P12: entries per second of {@code POST /practice-logs/import?source=} for a 10 000-entry export of
 * each other tracker (Toggl Track and Clockify detailed CSV, Loop's Checkmarks.csv, a WakaTime dump),
 * into a user whose two skills they name, and of importing the same file again (every entry
 * skipped), against PostgreSQL COPY of P5's rows.
 */
final class ForeignImports {

    private static final int ENTRIES = CsvImport.ROWS;
    private static final DateTimeFormatter CLOCKIFY_DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter CLOCKIFY_TIME = DateTimeFormatter.ofPattern("hh:mm:ss a", Locale.US);

    private record Export(String source, String contentType, String document) {
    }

    private ForeignImports() {
    }

    static List<Result> run(BenchContext bench) throws Exception {
        List<Export> exports = List.of(new Export("toggl", "text/csv", toggl()), new Export("clockify", "text/csv", clockify()),
                new Export("loop", "text/csv", loop()), new Export("wakatime", "application/json", wakatime()));
        double limit = CsvImport.copyRowsPerSecond(bench, CsvImport.csv(UUID.randomUUID()));
        List<Result> results = new ArrayList<>();
        for (Export export : exports) {
            importOnce(bench, userWithTheSkills(bench), export, 201);
            bench.quiesce();
            UUID user = userWithTheSkills(bench);
            double first = ENTRIES / (importOnce(bench, user, export, 201) / 1e9);
            double again = ENTRIES / (importOnce(bench, user, export, 200) / 1e9);
            System.out.printf("P12: %s import %.0f entries/s, again (all skipped) %.0f entries/s, vs COPY %.0f rows/s%n", export.source(),
                    first, again, limit);
            results.add(Result.observed("P12 " + export.source(), export.source() + " export, " + ENTRIES + " entries, imported", first,
                    "entries/s"));
            results.add(Result.observed("P12 " + export.source() + " again", export.source() + " export imported again (all skipped)",
                    again, "entries/s"));
            results.add(Result.observed("P12 " + export.source() + " vs COPY", "the import beside PostgreSQL COPY of P5's rows",
                    first / limit, "ratio"));
        }
        return results;
    }

    private static UUID userWithTheSkills(BenchContext bench) {
        UUID user = UUID.randomUUID();
        bench.createSkill(user, "Guitar");
        bench.createSkill(user, "Spanish");
        return user;
    }

    /** @return how long the request took, in nanoseconds */
    private static long importOnce(BenchContext bench, UUID user, Export export, int status) {
        long started = System.nanoTime();
        var response = bench.await(bench.request(HttpMethod.POST, Service.PRACTICE_LOG, "/practice-logs/import?source=" + export.source(), user)
                .putHeader("Content-Type", export.contentType()).sendBuffer(Buffer.buffer(export.document())));
        long took = System.nanoTime() - started;
        if (response.statusCode() != status) {
            String body = response.bodyAsString();
            throw new IllegalStateException(export.source() + " import: " + response.statusCode() + " "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
        return took;
    }

    private static String skillOf(int entry) {
        return entry % 2 == 0 ? "Guitar" : "Spanish";
    }

    private static String toggl() {
        StringBuilder csv = new StringBuilder("User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
                + "End time,Duration,Tags,Amount ()\n");
        LocalDateTime start = LocalDateTime.parse("2021-01-01T07:00:00");
        for (int entry = 0; entry < ENTRIES; entry++) {
            LocalDateTime at = start.plusMinutes(150L * entry);
            int minutes = 5 + entry % 115;
            csv.append("Bench,bench@example.com,,").append(skillOf(entry)).append(",,Practice entry number ").append(entry)
                    .append(",No,").append(at.toLocalDate()).append(',').append(at.toLocalTime()).append(":00,")
                    .append(at.plusMinutes(minutes).toLocalDate()).append(',').append(at.plusMinutes(minutes).toLocalTime()).append(":00,")
                    .append(String.format("%02d:%02d:00", minutes / 60, minutes % 60)).append(",,\n");
        }
        return csv.toString();
    }

    private static String clockify() {
        StringBuilder csv = new StringBuilder("Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,"
                + "End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)\n");
        LocalDateTime start = LocalDateTime.parse("2021-01-01T07:00:00");
        for (int entry = 0; entry < ENTRIES; entry++) {
            LocalDateTime at = start.plusMinutes(150L * entry);
            LocalDateTime end = at.plusMinutes(5 + entry % 115);
            int minutes = 5 + entry % 115;
            csv.append(skillOf(entry)).append(",,Practice entry number ").append(entry).append(",,Bench,,bench@example.com,,No,")
                    .append(at.format(CLOCKIFY_DAY)).append(',').append(at.format(CLOCKIFY_TIME)).append(',')
                    .append(end.format(CLOCKIFY_DAY)).append(',').append(end.format(CLOCKIFY_TIME)).append(',')
                    .append(String.format("%02d:%02d:00", minutes / 60, minutes % 60)).append(',')
                    .append(String.format(Locale.US, "%.2f", minutes / 60.0)).append(",0.00,0.00\n");
        }
        return csv.toString();
    }

    /** Two habits checked every day, newest day first, as Loop writes them. */
    private static String loop() {
        StringBuilder csv = new StringBuilder("Date,Guitar,Spanish,\n");
        LocalDate newest = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (int day = 0; day < ENTRIES / 2; day++) {
            csv.append(newest.minusDays(day)).append(",YES_MANUAL,YES_MANUAL,\n");
        }
        return csv.toString();
    }

    /** Two projects a day. */
    private static String wakatime() {
        StringBuilder json = new StringBuilder("{\"user\":{\"username\":\"bench\"},\"range\":{\"start\":0,\"end\":0},\"days\":[");
        LocalDate newest = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (int day = 0; day < ENTRIES / 2; day++) {
            json.append(day == 0 ? "" : ",").append("{\"date\":\"").append(newest.minusDays(day))
                    .append("\",\"grand_total\":{\"total_seconds\":5400.0},\"projects\":[")
                    .append("{\"name\":\"Guitar\",\"grand_total\":{\"total_seconds\":").append(600 + day % 3000).append(".0}},")
                    .append("{\"name\":\"Spanish\",\"grand_total\":{\"total_seconds\":").append(900 + day % 2000).append(".0}}]}");
        }
        return json.append("]}").toString();
    }
}
