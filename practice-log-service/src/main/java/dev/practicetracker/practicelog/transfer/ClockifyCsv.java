package dev.practicetracker.practicelog.transfer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.practicetracker.platform.problem.Violation;

/**
 * Clockify's detailed report, exported as CSV: {@code Project,Client,Description,Task,User,Group,
 * Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),...},
 * dates and times in the exporting user's formats and zone. The date format is one for the whole
 * file: ISO, {@code DD.MM.YYYY}, or with slashes or dashes month first unless a first number above
 * 12 shows it is day first. Times are 24-hour or with AM/PM. An entry is keyed by its user's email,
 * its start and its project.
 */
final class ClockifyCsv implements ForeignFormat {

    private static final String FORMAT = "a Clockify detailed report (CSV)";
    private static final String SOURCE = "Clockify";
    private static final Fields FIELDS = new Fields("Start Date", "Duration (h)", "Description");
    private static final DateTimeFormatter TWENTY_FOUR_HOURS = new DateTimeFormatterBuilder().appendPattern("H:mm[:ss]")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter TWELVE_HOURS = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm[:ss] a").toFormatter(Locale.US);

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public List<ForeignEntry> read(String document, Context context) {
        CsvTable table = CsvTable.read(document);
        int[] at = table.requireColumns(FORMAT, "Project", "Description", "Start Date", "Start Time");
        Integer clock = table.column("Duration (h)");
        Integer decimal = table.column("Duration (decimal)");
        if (clock == null && decimal == null) {
            table.requireColumns(FORMAT, "Duration (h)");
        }
        Integer email = table.column("Email");
        Function<String, LocalDate> days = dayFormatOf(table, at[2]);
        List<Violation> problems = new ArrayList<>();
        List<ForeignEntry> entries = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            int row = i + 1;
            String[] cells = table.rows().get(i);
            String project = ForeignCells.project(CsvTable.cell(cells, at[0]), row, problems);
            LocalDate day = ForeignCells.parse(CsvTable.cell(cells, at[2]), days, row, "Start Date",
                    "must be a date in the file's format, e.g. 11/21/2026", problems);
            LocalTime time = ForeignCells.parse(CsvTable.cell(cells, at[3]), ClockifyCsv::timeOf, row, "Start Time",
                    "must be a time like 18:30:00 or 06:30:00 PM", problems);
            Long seconds = clock != null
                    ? ForeignCells.parse(CsvTable.cell(cells, clock), ForeignCells::secondsOfClock, row, "Duration (h)",
                            "must be hours:minutes:seconds like 01:15:00", problems)
                    : ForeignCells.parse(CsvTable.cell(cells, decimal), ClockifyCsv::secondsOfHours, row, "Duration (decimal)",
                            "must be hours like 1.25", problems);
            ForeignEntry entry = ForeignCells.timedEntry("clockify", SOURCE, row, CsvTable.cell(cells, email), project, day, time, seconds,
                    CsvTable.cell(cells, at[1]), context.zone());
            if (entry != null) {
                entries.add(entry);
            }
        }
        ForeignCells.throwIfAny(problems);
        return entries;
    }

    /** The file's date format, from its first date and whether any date's first number exceeds 12. */
    private static Function<String, LocalDate> dayFormatOf(CsvTable table, int column) {
        String sample = null;
        boolean dayFirst = false;
        for (String[] cells : table.rows()) {
            String text = CsvTable.cell(cells, column);
            if (text == null) {
                continue;
            }
            sample = sample == null ? text.strip() : sample;
            String[] numbers = text.strip().split("[/.-]");
            dayFirst |= numbers.length == 3 && numbers[0].matches("\\d{1,2}") && Integer.parseInt(numbers[0]) > 12;
        }
        String pattern;
        if (sample == null || sample.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            pattern = "uuuu-M-d";
        } else if (sample.contains(".")) {
            pattern = "d.M.uuuu";
        } else {
            String separator = sample.contains("/") ? "/" : "-";
            pattern = dayFirst ? "d" + separator + "M" + separator + "uuuu" : "M" + separator + "d" + separator + "uuuu";
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.US).withResolverStyle(ResolverStyle.STRICT);
        return text -> LocalDate.parse(text, format);
    }

    private static LocalTime timeOf(String text) {
        return LocalTime.parse(text, text.chars().anyMatch(Character::isLetter) ? TWELVE_HOURS : TWENTY_FOUR_HOURS);
    }

    private static long secondsOfHours(String text) {
        double hours = Double.parseDouble(text);
        if (!(hours >= 0) || hours > 1_000_000) {
            throw new IllegalArgumentException("not hours: " + text);
        }
        return Math.round(hours * 3600);
    }
}
