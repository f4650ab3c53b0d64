package dev.practicetracker.practicelog.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;

/** Reads an import — a CSV spreadsheet with a header row, or a JSON array — into rows. */
@ApplicationScoped
public class ImportParser {

    public static final int MAX_ROWS = 10_000;

    private static final CsvMapper CSV = new CsvMapper();
    private static final Set<String> KNOWN_COLUMNS = Set.of(ImportRow.COLUMNS);

    private final ObjectMapper json;

    public ImportParser(ObjectMapper json) {
        this.json = json;
    }

    /** @throws ProblemException 400 for a document that is not CSV with the needed columns, or too long */
    public List<ImportRow> csv(String document) {
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        List<ImportRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> records = CSV.readerFor(Map.class).with(header).readValues(document)) {
            requireColumns(((CsvSchema) records.getParser().getSchema()));
            while (records.hasNextValue()) {
                Map<String, String> record = records.nextValue();
                requireRoomFor(rows.size() + 1);
                rows.add(json.convertValue(normalised(record), ImportRow.class));
            }
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not readable CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return rows;
    }

    /** @throws ProblemException 400 for a document that is not a JSON array of objects, or too long */
    public List<ImportRow> json(String document) {
        JsonNode array;
        try {
            array = json.readTree(document);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
        if (array == null || !array.isArray()) {
            throw ProblemException.invalid("body", "must be a JSON array of rows");
        }
        requireRoomFor(array.size());
        List<ImportRow> rows = new ArrayList<>(array.size());
        List<Violation> shapeErrors = new ArrayList<>();
        Iterator<JsonNode> elements = array.elements();
        for (int row = 1; elements.hasNext(); row++) {
            JsonNode element = elements.next();
            if (!element.isObject()) {
                shapeErrors.add(new Violation(row, "row", "must be an object"));
                rows.add(null);
                continue;
            }
            rows.add(new ImportRow(text(element, "skill_id"), text(element, "skill_name"), text(element, "date_practiced"),
                    text(element, "duration"), text(element, "description"), text(element, "difficulty_rating"),
                    text(element, "confidence_rating"), text(element, "activity_type"), text(element, "milestone_id")));
        }
        if (!shapeErrors.isEmpty()) {
            throw ProblemException.invalid(shapeErrors);
        }
        return rows;
    }

    /** Values as text, whatever JSON type they came as; each is checked later against its row. */
    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void requireColumns(CsvSchema schema) {
        Set<String> columns = new HashSet<>();
        schema.forEach(column -> columns.add(column.getName().strip().toLowerCase()));
        List<String> missing = new ArrayList<>();
        for (String required : List.of("date_practiced", "duration", "description")) {
            if (!columns.contains(required)) {
                missing.add(required);
            }
        }
        if (!columns.contains("skill_id") && !columns.contains("skill_name")) {
            missing.add("skill_id or skill_name");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "needs the columns " + String.join(", ", missing)
                    + " (known: " + Arrays.toString(ImportRow.COLUMNS) + ")");
        }
    }

    private static Map<String, String> normalised(Map<String, String> record) {
        Map<String, String> row = new HashMap<>();
        record.forEach((column, value) -> {
            String name = column.strip().toLowerCase();
            if (KNOWN_COLUMNS.contains(name)) {
                row.put(name, value == null || value.isBlank() ? null : value);
            }
        });
        return row;
    }

    private static void requireRoomFor(int rows) {
        if (rows > MAX_ROWS) {
            throw ProblemException.invalid("body", "has more than " + MAX_ROWS + " rows; split the import");
        }
    }
}
