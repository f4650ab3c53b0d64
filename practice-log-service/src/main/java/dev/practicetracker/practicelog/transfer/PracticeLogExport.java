package dev.practicetracker.practicelog.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.practicetracker.events.InstantText;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.HistoryQuery;
import dev.practicetracker.practicelog.repository.PracticeLogRepository;

/**
 * Streams a user's history as CSV or JSON straight from a database cursor, a chunk at a time: the
 * whole history is never in memory. Runs on a worker thread (it writes to a blocking stream).
 */
@ApplicationScoped
public class PracticeLogExport {

    static final String[] CSV_HEADER = { "id", "skill_id", "date_practiced", "local_date", "duration", "description",
            "difficulty_rating", "confidence_rating", "activity_type", "milestone_id", "created_at", "updated_at",
            "milestone_completed" };
    private static final int CHUNK = 500;
    private static final ObjectWriter CSV_LINE = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema());

    private final PracticeLogRepository repository;
    private final ObjectMapper json;

    public PracticeLogExport(PracticeLogRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public void writeCsv(HistoryQuery query, OutputStream output) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        writer.write(CSV_LINE.writeValueAsString(CSV_HEADER));
        for (PracticeLog log : repository.stream(query, CHUNK).subscribe().asIterable()) {
            writer.write(CSV_LINE.writeValueAsString(cells(log)));
        }
        writer.flush();
    }

    public void writeJson(HistoryQuery query, OutputStream output) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
            generator.writeStartArray();
            for (PracticeLog log : repository.stream(query, CHUNK).subscribe().asIterable()) {
                json.writeValue(generator, PracticeLogMapper.toResponse(log));
            }
            generator.writeEndArray();
        }
    }

    private static String[] cells(PracticeLog log) {
        return new String[] { log.id.toString(), log.skillId.toString(), InstantText.format(log.datePracticed), log.localDate.toString(),
                Integer.toString(log.duration), neutralised(log.description), text(log.difficultyRating),
                text(log.confidenceRating), log.activityType.toString(), neutralised(log.milestoneId),
                InstantText.format(log.createdAt), InstantText.format(log.updatedAt), Boolean.toString(log.milestoneCompleted) };
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab,
     * carriage return) gets a leading {@code '} so it is shown as text (OWASP CSV injection).
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
