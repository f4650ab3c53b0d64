package dev.practicetracker.practicelog.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;

/**
 * WakaTime's data dump (JSON, daily totals): {@code {"user":{...},"range":{...},"days":[{"date":
 * "YYYY-MM-DD","grand_total":{...},"projects":[{"name":"...","grand_total":{"total_seconds":3600.0,
 * ...}}]}]}}. One log per day and project, of its minutes (rounded; a project under half a minute
 * that day is no log), keyed by project and day; a row is a day of {@code days}, and a field its
 * JSON path.
 */
final class WakaTimeDump implements ForeignFormat {

    private static final String SOURCE = "WakaTime";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fields FIELDS = new Fields("date", "grand_total.total_seconds", "name");

    @Override
    public Fields fields() {
        return FIELDS;
    }

    @Override
    public List<ForeignEntry> read(String document, Context context) {
        JsonNode days;
        try {
            days = JSON.readTree(document).path("days");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
        if (!days.isArray()) {
            throw ProblemException.invalid("body", "is not a WakaTime data dump: it has no days array");
        }
        List<Violation> problems = new ArrayList<>();
        List<ForeignEntry> entries = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            int row = i + 1;
            String path = "days[" + i + "]";
            JsonNode day = days.get(i);
            LocalDate date = ForeignCells.parse(day.path("date").asText(null), LocalDate::parse, row, path + ".date",
                    "must be a date like 2026-11-21", problems);
            JsonNode projects = day.path("projects");
            for (int j = 0; j < projects.size(); j++) {
                String at = path + ".projects[" + j + "]";
                JsonNode project = projects.get(j);
                String name = project.path("name").asText("").strip();
                JsonNode seconds = project.path("grand_total").path("total_seconds");
                if (name.isEmpty()) {
                    problems.add(new Violation(row, at + ".name", "is empty: the project names the skill to log"));
                }
                if (!seconds.isNumber() || seconds.asDouble() < 0) {
                    problems.add(new Violation(row, at + ".grand_total.total_seconds", "must be a number of seconds, 0 or more"));
                    continue;
                }
                long minutes = Math.round(seconds.asDouble() / 60);
                if (name.isEmpty() || date == null || minutes == 0) {
                    continue;
                }
                ImportParser.requireRoomFor(entries.size() + 1);
                entries.add(new ForeignEntry(row, ForeignCells.key("wakatime", name, date.toString()), name, at + ".name",
                        ForeignCells.middayOf(date, context.zone(), context.now()), (int) Math.min(minutes, Integer.MAX_VALUE),
                        ForeignCells.description(null, name, SOURCE)));
            }
        }
        ForeignCells.throwIfAny(problems);
        return entries;
    }
}
