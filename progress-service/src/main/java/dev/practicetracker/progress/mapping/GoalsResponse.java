package dev.practicetracker.progress.mapping;

import java.time.LocalDate;

/** The caller's weekly goals and this week's attainment (the week starts on Monday, in the caller's zone). */
public record GoalsResponse(Integer weeklyMinutes, Integer weeklySessions, LocalDate weekStart, int minutesThisWeek,
        int sessionsThisWeek, Double minutesAttainedPercent, Double sessionsAttainedPercent, boolean met, long version) {
}
