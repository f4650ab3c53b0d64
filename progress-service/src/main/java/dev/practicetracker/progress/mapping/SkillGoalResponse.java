package dev.practicetracker.progress.mapping;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A skill's weekly goal and how this week stands against it (the week starts on Monday, in the caller's zone). */
public record SkillGoalResponse(@Schema(nullable = true) Integer weeklyMinutes, @Schema(nullable = true) Integer weeklySessions,
        LocalDate weekStart, int minutesThisWeek, int sessionsThisWeek, boolean met) {
}
