package dev.practicetracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code data} of {@code skill-progress.changed.v1}: a skill's figures after a log change moved
 * them, as {@code GET /progress/skills/{id}} answers them (API.md's SkillProgress, every figure of
 * ANALYTICS.md), with the owner and the version of the skill's figures (+1 per change). Figures that
 * depend on the day are computed for the day of {@code as_of}, the change that moved them, in the
 * user's zone (their progress settings', else UTC).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillProgressData(
        UUID userId,
        UUID skillId,
        String skillName,
        int totalSessions,
        long totalMinutes,
        double averageMinutes,
        Instant firstPracticedAt,
        Instant lastPracticedAt,
        Integer daysSinceLastPractice,
        int currentStreakDays,
        int longestStreakDays,
        @JsonProperty("sessions_last_7_days") int sessionsLast7Days,
        @JsonProperty("minutes_last_7_days") int minutesLast7Days,
        @JsonProperty("sessions_last_30_days") int sessionsLast30Days,
        @JsonProperty("minutes_last_30_days") int minutesLast30Days,
        double sessionsPerWeek,
        Double averageDifficulty,
        Double averageConfidence,
        double progressPercent,
        String stage,
        String trend,
        int milestonesCompleted,
        int milestonesTotal,
        int level,
        Integer sessionsToNextLevel,
        Goal goal,
        Instant asOf,
        long version) {

    /** The skill's weekly goal and how the week of {@code as_of} stands against it; null when none is set. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Goal(Integer weeklyMinutes, Integer weeklySessions, LocalDate weekStart, int minutesThisWeek, int sessionsThisWeek,
            boolean met) {
    }
}
