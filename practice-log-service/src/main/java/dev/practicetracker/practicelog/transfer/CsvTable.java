package dev.practicetracker.practicelog.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import dev.practicetracker.platform.problem.ProblemException;

/**
 * A CSV document with a header row, read whole as arrays of cells (no map per row): our own
 * import's, or another tracker's export. A byte order mark before the header is dropped, as
 * spreadsheet programs write one.
 */
record CsvTable(String[] header, List<String[]> rows) {

    private static final CsvMapper CSV = new CsvMapper();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** @throws ProblemException 400 for a document that is not CSV, or has more than {@link ImportParser#MAX_ROWS} rows */
    static CsvTable read(String document) {
        String text = document.startsWith(BYTE_ORDER_MARK) ? document.substring(1) : document;
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            String[] header = records.hasNextValue() ? records.nextValue() : new String[0];
            while (records.hasNextValue()) {
                String[] cells = records.nextValue();
                ImportParser.requireRoomFor(rows.size() + 1);
                if (cells.length > header.length) {
                    throw ProblemException.invalid("body", "is not readable CSV: row " + (rows.size() + 1) + " has "
                            + cells.length + " cells, the header " + header.length);
                }
                rows.add(cells);
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not readable CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The position of the first column with one of these names (case and surrounding spaces aside), or null. */
    Integer column(String... names) {
        for (String name : names) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return null;
    }

    /** The positions of these columns, or a 400 naming those missing. */
    int[] requireColumns(String format, String... names) {
        int[] positions = new int[names.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Integer position = column(names[i]);
            if (position == null) {
                missing.add(names[i]);
            }
            positions[i] = position == null ? -1 : position;
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("header", "is not the header of " + format + ": it needs the columns " + String.join(", ", missing));
        }
        return positions;
    }

    /** A blank or missing cell is an absent value. */
    static String cell(String[] cells, Integer position) {
        if (position == null || position < 0 || position >= cells.length || cells[position].isBlank()) {
            return null;
        }
        return cells[position];
    }
}
