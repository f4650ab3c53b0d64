package dev.practicetracker.practicelog.transfer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.practicetracker.platform.problem.Violation;

/**
 * Toggl Track's detailed report, exported as CSV: {@code User,Email,Client,Project,Task,Description,
 * Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()}, times in the exporting
 * user's zone ({@code YYYY-MM-DD}, {@code HH:MM:SS}, duration {@code 01:15:00}). An entry is keyed
 * by its user's email, its start and its project: one user's time entries never start together.
 */
final class TogglCsv implements ForeignFormat {

    private static final String FORMAT = "a Toggl Track detailed report (CSV)";
    private static final String SOURCE = "Toggl Track";
    private static final Fields FIELDS = new Fields("Start date", "Duration", "Description");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public List<ForeignEntry> read(String document, Context context) {
        CsvTable table = CsvTable.read(document);
        int[] at = table.requireColumns(FORMAT, "Project", "Description", "Start date", "Start time", "Duration");
        Integer email = table.column("Email");
        List<Violation> problems = new ArrayList<>();
        List<ForeignEntry> entries = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            int row = i + 1;
            String[] cells = table.rows().get(i);
            String project = ForeignCells.project(CsvTable.cell(cells, at[0]), row, problems);
            LocalDate day = ForeignCells.parse(CsvTable.cell(cells, at[2]), LocalDate::parse, row, "Start date",
                    "must be a date like 2026-11-21", problems);
            LocalTime time = ForeignCells.parse(CsvTable.cell(cells, at[3]), LocalTime::parse, row, "Start time",
                    "must be a time like 18:30:00", problems);
            Long seconds = ForeignCells.parse(CsvTable.cell(cells, at[4]), ForeignCells::secondsOfClock, row, "Duration",
                    "must be hours:minutes:seconds like 01:15:00", problems);
            ForeignEntry entry = ForeignCells.timedEntry("toggl", SOURCE, row, CsvTable.cell(cells, email), project, day, time, seconds,
                    CsvTable.cell(cells, at[1]), context.zone());
            if (entry != null) {
                entries.add(entry);
            }
        }
        ForeignCells.throwIfAny(problems);
        return entries;
    }
}
