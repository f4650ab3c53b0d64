package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.practicetracker.practicelog.ActivityType;
import dev.practicetracker.practicelog.validation.NotInFuture;

/** Body of {@code POST /practice-logs}; the description is trimmed before it is validated. */
public record CreatePracticeLogRequest(
        @NotNull UUID skillId,
        @NotNull @NotInFuture Instant datePracticed,
        @NotNull @Min(1) @Max(1440) Integer duration,
        @NotNull @Size(min = 10, max = 500) String description,
        @Min(1) @Max(5) Integer difficultyRating,
        @Min(1) @Max(5) Integer confidenceRating,
        ActivityType activityType,
        @Size(min = 1, max = 100) String milestoneId) {

    public CreatePracticeLogRequest {
        description = description == null ? null : description.strip();
        activityType = activityType == null ? ActivityType.PRACTICE : activityType;
    }
}
