package dev.practicetracker.practicelog.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;

/**
 * Loop Habit Tracker's {@code Checkmarks.csv} (the one at the top of its CSV export):
 * {@code Date,<habit>,<habit>,} then a row per day, newest first ({@code YYYY-MM-DD,YES_MANUAL,NO,}).
 * A day the user checked a habit ({@code YES_MANUAL}; {@code 2} in older versions; a numerical
 * habit's amount above 3) becomes one log of the import's default minutes; {@code YES_AUTO} (implied
 * by the habit's frequency), {@code NO}, {@code SKIP} and {@code UNKNOWN} are no practice. An entry
 * is keyed by its habit and day; its row is the day's row.
 */
final class LoopCheckmarks implements ForeignFormat {

    private static final String SOURCE = "Loop Habit Tracker";
    private static final Fields FIELDS = new Fields("Date", "Date", "Date");
    private static final Set<String> CHECKED = Set.of("YES_MANUAL", "2");
    private static final Set<String> NO_PRACTICE = Set.of("YES_AUTO", "NO", "SKIP", "UNKNOWN", "1", "0", "-1", "3", "-3");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public List<ForeignEntry> read(String document, Context context) {
        CsvTable table = CsvTable.read(document);
        Integer date = table.column("Date");
        if (date == null || date != 0 || table.header().length < 2) {
            throw ProblemException.invalid("header", "is not the header of Loop Habit Tracker's Checkmarks.csv:"
                    + " it starts with Date, then one column per habit");
        }
        List<Violation> problems = new ArrayList<>();
        List<ForeignEntry> entries = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            int row = i + 1;
            String[] cells = table.rows().get(i);
            LocalDate day = ForeignCells.parse(CsvTable.cell(cells, 0), LocalDate::parse, row, "Date", "must be a date like 2026-11-21",
                    problems);
            for (int column = 1; column < table.header().length; column++) {
                String habit = table.header()[column].strip();
                String value = CsvTable.cell(cells, column);
                if (habit.isEmpty() || value == null || day == null || !checked(value.strip(), row, habit, problems)) {
                    continue;
                }
                ImportParser.requireRoomFor(entries.size() + 1);
                entries.add(new ForeignEntry(row, ForeignCells.key("loop", habit, day.toString()), habit, habit,
                        ForeignCells.middayOf(day, context.zone(), context.now()), context.defaultDuration(),
                        ForeignCells.description(null, habit, SOURCE)));
            }
        }
        ForeignCells.throwIfAny(problems);
        return entries;
    }

    /** Whether the value is a day's practice; a value Loop does not write is a violation. */
    private static boolean checked(String value, int row, String habit, List<Violation> problems) {
        String token = value.toUpperCase(Locale.ROOT);
        if (CHECKED.contains(token)) {
            return true;
        }
        if (NO_PRACTICE.contains(token)) {
            return false;
        }
        try {
            return Long.parseLong(token) > 3;
        } catch (NumberFormatException e) {
            problems.add(new Violation(row, habit, "is not a Loop check-mark value (YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a number)"));
            return false;
        }
    }
}
