package dev.practicetracker.progress.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds practice histories the way the projection stores them, from (day, minutes) logs. */
final class Histories {

    private Histories() {
    }

    record Log(LocalDate day, int minutes) {
    }

    static PracticeHistory of(List<Log> logs) {
        if (logs.isEmpty()) {
            return PracticeHistory.EMPTY;
        }
        TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
        long minutes = 0;
        for (Log log : logs) {
            int[] day = byDay.computeIfAbsent(log.day(), d -> new int[2]);
            day[0]++;
            day[1] += log.minutes();
            minutes += log.minutes();
        }
        List<PracticeDay> days = new ArrayList<>();
        for (Map.Entry<LocalDate, int[]> day : byDay.entrySet()) {
            days.add(new PracticeDay(day.getKey(), day.getValue()[0], day.getValue()[1]));
        }
        return new PracticeHistory(logs.size(), minutes, instant(byDay.firstKey()), instant(byDay.lastKey()), 0, 0, 0, 0, days);
    }

    /** {@code count} sessions of {@code minutes}, one every {@code everyDays} days, the last on {@code last}. */
    static List<Log> regular(int count, int minutes, int everyDays, LocalDate last) {
        List<Log> logs = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            logs.add(new Log(last.minusDays((long) i * everyDays), minutes));
        }
        return logs;
    }

    private static Instant instant(LocalDate day) {
        return day.atTime(18, 0).toInstant(ZoneOffset.UTC);
    }
}
