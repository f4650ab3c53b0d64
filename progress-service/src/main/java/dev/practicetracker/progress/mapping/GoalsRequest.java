package dev.practicetracker.progress.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Body of {@code PUT /progress/goals}: a weekly target in minutes, sessions, or both; null clears one. */
public record GoalsRequest(@Min(1) @Max(10080) Integer weeklyMinutes, @Min(1) @Max(1000) Integer weeklySessions) {
}
