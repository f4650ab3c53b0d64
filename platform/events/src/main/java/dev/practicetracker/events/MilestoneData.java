package dev.practicetracker.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code milestone.updated.v1}: one milestone's progress state within a skill. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MilestoneData(
        UUID skillId,
        UUID userId,
        String milestoneId,
        String status,
        String notes,
        Instant startedAt,
        Instant completedAt,
        int milestonesCompleted,
        int milestonesTotal,
        long version,
        Instant updatedAt) {
}
