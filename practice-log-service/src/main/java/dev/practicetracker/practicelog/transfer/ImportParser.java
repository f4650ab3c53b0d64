package dev.practicetracker.practicelog.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;

/** Reads an import — a CSV spreadsheet with a header row, or a JSON array — into rows. */
@ApplicationScoped
public class ImportParser {

    public static final int MAX_ROWS = 10_000;

    private static final Set<String> KNOWN_COLUMNS = Set.of(ImportRow.COLUMNS);

    private final ObjectMapper json;

    public ImportParser(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Cells are read as arrays and picked by the header's column positions: no map per row.
     *
     * @throws ProblemException 400 for a document that is not CSV with the needed columns, or too long
     */
    public List<ImportRow> csv(String document) {
        CsvTable table = CsvTable.read(document);
        Map<String, Integer> positions = positionsOf(table.header());
        List<ImportRow> rows = new ArrayList<>(table.rows().size());
        for (String[] cells : table.rows()) {
            rows.add(ImportRow.of(column -> CsvTable.cell(cells, positions.get(column))));
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
            rows.add(ImportRow.of(column -> text(element, column)));
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

    /** Where each known column is (the first of that name), or a 400 naming the needed columns missing. */
    private static Map<String, Integer> positionsOf(String[] header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase();
            if (KNOWN_COLUMNS.contains(name)) {
                positions.putIfAbsent(name, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("date_practiced", "duration", "description")) {
            if (!positions.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!positions.containsKey("skill_id") && !positions.containsKey("skill_name")) {
            missing.add("skill_id or skill_name");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "needs the columns " + String.join(", ", missing)
                    + " (known: " + Arrays.toString(ImportRow.COLUMNS) + ")");
        }
        return positions;
    }

    static void requireRoomFor(int rows) {
        if (rows > MAX_ROWS) {
            throw ProblemException.invalid("body", "has more than " + MAX_ROWS + " rows; split the import");
        }
    }
}
