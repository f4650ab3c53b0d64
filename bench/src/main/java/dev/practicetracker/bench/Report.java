package dev.practicetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results as a Markdown table and as JSON under bench/results. */
final class Report {

    private Report() {
    }

    static String markdown(List<Result> results) {
        StringBuilder table = new StringBuilder();
        table.append("| id | our figure | limit measured alongside | ratio | target | met |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append("| ").append(result.id()).append(" | ").append(result.what()).append(": **")
                    .append(Result.format(result.figure())).append(' ').append(result.unit()).append("** | ")
                    .append(result.limit() == null ? "—" : result.limitWhat() + ": " + Result.format(result.limit()) + ' ' + result.limitUnit())
                    .append(" | ").append(result.ratio() == null ? "—" : String.format("%.2f", result.ratio()))
                    .append(" | ").append(result.target()).append(" | ").append(result.met() == null ? "—" : result.met() ? "yes" : "**no**").append(" |\n");
        }
        return table.toString();
    }

    /** @param suffix after the date in the file's name, for a run on other settings */
    static Path writeJson(Path directory, String suffix, List<Result> results, Map<String, Object> machine) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(LocalDate.now() + suffix + ".json");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("measured_at", Instant.now().toString());
        document.put("machine", machine);
        document.put("results", results);
        // written beside it and moved into place: a run stopped while writing leaves the previous file, not an empty one
        Path written = Files.createTempFile(directory, ".results-", ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(written.toFile(), document);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
