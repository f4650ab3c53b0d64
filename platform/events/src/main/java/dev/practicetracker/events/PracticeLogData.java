package dev.practicetracker.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code practice-log.*.v1}: the log's full state after the change (for a delete, its last state). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PracticeLogData(
        UUID id,
        UUID userId,
        UUID skillId,
        Instant datePracticed,
        LocalDate localDate,
        String zone,
        int duration,
        String description,
        Integer difficultyRating,
        Integer confidenceRating,
        String activityType,
        String milestoneId,
        boolean milestoneCompleted,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted) {

    /** Checks what every consumer relies on, so a record missing it is dead-lettered rather than half-applied. */
    public PracticeLogData requireComplete() {
        if (id == null || userId == null || skillId == null || datePracticed == null || localDate == null || version < 1) {
            throw new MalformedEventException("practice-log data lacks id, user_id, skill_id, date_practiced, local_date or version");
        }
        return this;
    }
}
