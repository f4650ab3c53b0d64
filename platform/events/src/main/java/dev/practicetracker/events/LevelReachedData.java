package dev.practicetracker.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code level.reached.v1}: the first time a skill reaches a level (2–5), at the change that made it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LevelReachedData(UUID userId, UUID skillId, int level, Instant reachedAt) {
}
