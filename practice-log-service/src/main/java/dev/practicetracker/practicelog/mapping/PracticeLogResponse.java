package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.practicetracker.practicelog.ActivityType;

/** The PracticeLog resource of API.md. */
public record PracticeLogResponse(
        UUID id,
        UUID skillId,
        UUID userId,
        Instant datePracticed,
        LocalDate localDate,
        int duration,
        String description,
        Integer difficultyRating,
        Integer confidenceRating,
        ActivityType activityType,
        String milestoneId,
        boolean milestoneCompleted,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
