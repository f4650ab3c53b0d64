package dev.practicetracker.progress.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Body of {@code PUT /progress/skills/{id}/goal}: a weekly target in minutes, sessions or both (at least one). */
public record SkillGoalRequest(@Min(1) @Max(MAX_MINUTES) Integer weeklyMinutes, @Min(1) @Max(MAX_SESSIONS) Integer weeklySessions) {

    public static final int MAX_MINUTES = 10080;
    public static final int MAX_SESSIONS = 100;
}
