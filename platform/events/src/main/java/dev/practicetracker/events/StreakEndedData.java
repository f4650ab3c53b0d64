package dev.practicetracker.events;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code data} of {@code streak.ended.v1}: a streak of two days or more lapsed, a skill's or (with
 * {@code skill_id} null) the user's across skills: {@code ended_on}, the day after its last, is over
 * without practice.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreakEndedData(UUID userId, UUID skillId, int lengthDays, LocalDate lastPracticedDate, LocalDate endedOn) {
}
