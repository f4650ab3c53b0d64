package dev.practicetracker.progress.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Practice per calendar day and per week or month, with the empty days and periods included. */
public final class Calendar {

    public enum Period { WEEK, MONTH }

    /** One day of a calendar: what was practised, and whether it is a break day without practice (a skip day or a rest weekday). */
    public record Day(LocalDate date, int sessions, int minutes, boolean skipped) {
    }

    /** One bucket of a summary: the period's first day and what was practised in it. */
    public record Bucket(LocalDate periodStart, int sessions, int minutes) {
    }

    private Calendar() {
    }

    /** Every day of {@code [from, to]}, practised or not, each break day without practice (by {@code rules}) marked skipped. */
    public static List<Day> days(List<PracticeDay> practised, LocalDate from, LocalDate to, StreakRules rules) {
        Map<LocalDate, PracticeDay> byDate = new HashMap<>();
        practised.forEach(day -> byDate.put(day.date(), day));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            PracticeDay day = byDate.get(date);
            int minutes = day == null ? 0 : day.minutes();
            days.add(new Day(date, day == null ? 0 : day.sessions(), minutes, !rules.counts(minutes) && rules.isBreak(date)));
        }
        return days;
    }

    /** Every week (from Monday) or month touching {@code [from, to]}, practised or not. */
    public static List<Bucket> buckets(List<PracticeDay> practised, Period period, LocalDate from, LocalDate to) {
        Map<LocalDate, int[]> totals = new HashMap<>();
        for (PracticeDay day : practised) {
            if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
                int[] total = totals.computeIfAbsent(startOf(day.date(), period), start -> new int[2]);
                total[0] += day.sessions();
                total[1] += day.minutes();
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = startOf(from, period); !start.isAfter(to); start = next(start, period)) {
            int[] total = totals.getOrDefault(start, new int[2]);
            buckets.add(new Bucket(start, total[0], total[1]));
        }
        return buckets;
    }

    public static LocalDate startOf(LocalDate day, Period period) {
        return period == Period.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate start, Period period) {
        return period == Period.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }
}
