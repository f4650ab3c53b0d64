package dev.practicetracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code data} of {@code goal.met.v1}: a weekly goal met, once per goal and week; {@code skill_id} is
 * null for the user's weekly goal across skills. {@code minutes} and {@code sessions} are the week's
 * when it was met.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GoalMetData(UUID userId, UUID skillId, LocalDate weekStart, Integer weeklyMinutes, Integer weeklySessions, int minutes,
        int sessions, Instant metAt) {
}
