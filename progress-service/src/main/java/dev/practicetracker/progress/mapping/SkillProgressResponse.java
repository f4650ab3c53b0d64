package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.practicetracker.progress.analytics.Stage;
import dev.practicetracker.progress.analytics.Trend;

/** SkillProgress of API.md (every figure defined in ANALYTICS.md); names with digits are spelled out, as snake_case would not split them. */
public record SkillProgressResponse(
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
        Stage stage,
        Trend trend,
        int milestonesCompleted,
        int milestonesTotal,
        int level,
        Integer sessionsToNextLevel,
        @Schema(nullable = true, description = "the skill's weekly goal, null when none is set") SkillGoalResponse goal,
        Instant asOf,
        Instant updatedAt) {
}
