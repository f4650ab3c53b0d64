package dev.practicetracker.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code stage.reached.v1}: the first time a skill reaches {@code intermediate} or {@code advanced}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StageReachedData(UUID userId, UUID skillId, String stage, Instant reachedAt) {
}
