package dev.practicetracker.progress.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored, time-independent part of a skill's (or a user's) analytics: totals, rating sums and
 * the per-day series, ascending by date. Everything that depends on "today" is derived from it at
 * read time by {@link ProgressCalculator}.
 */
public record PracticeHistory(
        int totalSessions,
        long totalMinutes,
        Instant firstPracticedAt,
        Instant lastPracticedAt,
        long difficultySum,
        int difficultyCount,
        long confidenceSum,
        int confidenceCount,
        List<PracticeDay> days) {

    public static final PracticeHistory EMPTY = new PracticeHistory(0, 0, null, null, 0, 0, 0, 0, List.of());

    public boolean isEmpty() {
        return totalSessions == 0;
    }

    public LocalDate firstDay() {
        return days.isEmpty() ? null : days.get(0).date();
    }

    public LocalDate lastDay() {
        return days.isEmpty() ? null : days.get(days.size() - 1).date();
    }
}
