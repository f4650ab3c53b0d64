package dev.practicetracker.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of every scenario, printed as one table at the end and kept in target/. */
final class Scoreboard {

    /** One scenario: what it did and what it cost. */
    record Row(String scenario, long operations, long lost, long duplicated, long serverErrors, double recoverySeconds, String note) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private Scoreboard() {
    }

    static synchronized void record(Row row) {
        ROWS.add(row);
    }

    static synchronized String table() {
        StringBuilder table = new StringBuilder("| scenario | operations | lost | duplicated | 5xx | recovery s | note |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : ROWS) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s |%n", row.scenario(), row.operations(),
                    row.lost(), row.duplicated(), row.serverErrors(),
                    Double.isNaN(row.recoverySeconds()) ? "–" : String.format(Locale.ROOT, "%.1f", row.recoverySeconds()), row.note()));
        }
        return table.toString();
    }

    static void print(Path file) throws IOException {
        String table = table();
        System.out.println("\nReliability summary\n\n" + table);
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
    }
}
