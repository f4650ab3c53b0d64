package dev.practicetracker.progress.mapping;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.progress.analytics.Weekdays;
import dev.practicetracker.progress.repository.InsightRepository;

/**
 * When the caller practises: sessions and minutes by weekday (Monday first) and by hour of the day
 * (0–23), each log at its local day and hour in the zone it was written in; every weekday and hour
 * is present.
 */
public record PatternsResponse(List<Weekday> byWeekday, List<Hour> byHour) {

    @Schema(name = "PatternWeekday")
    public record Weekday(@Schema(example = "monday") String weekday, int sessions, long minutes) {
    }

    @Schema(name = "PatternHour")
    public record Hour(@Schema(minimum = "0", maximum = "23") int hour, int sessions, long minutes) {
    }

    /** Every weekday and hour, from the counted cells (those without logs are zeros). */
    public static PatternsResponse of(List<InsightRepository.WeekdayHour> cells) {
        int[] weekdaySessions = new int[7];
        long[] weekdayMinutes = new long[7];
        int[] hourSessions = new int[24];
        long[] hourMinutes = new long[24];
        for (InsightRepository.WeekdayHour cell : cells) {
            weekdaySessions[cell.weekday() - 1] += cell.sessions();
            weekdayMinutes[cell.weekday() - 1] += cell.minutes();
            hourSessions[cell.hour()] += cell.sessions();
            hourMinutes[cell.hour()] += cell.minutes();
        }
        List<Weekday> weekdays = new ArrayList<>(7);
        for (DayOfWeek day : DayOfWeek.values()) {
            int i = day.getValue() - 1;
            weekdays.add(new Weekday(Weekdays.name(day), weekdaySessions[i], weekdayMinutes[i]));
        }
        List<Hour> hours = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            hours.add(new Hour(hour, hourSessions[hour], hourMinutes[hour]));
        }
        return new PatternsResponse(weekdays, hours);
    }
}
