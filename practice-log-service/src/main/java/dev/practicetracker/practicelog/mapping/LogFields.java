package dev.practicetracker.practicelog.mapping;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.practicetracker.practicelog.ActivityType;
import dev.practicetracker.practicelog.validation.NotInFuture;

/**
 * A log's editable fields and their rules, in one place for every way a log is written: create,
 * quick log, merge patch, import row, live session. The description is trimmed first.
 */
public record LogFields(
        @NotNull @NotInFuture Instant datePracticed,
        @NotNull @Min(1) @Max(1440) Integer duration,
        @NotNull @Size(min = 10, max = 500) String description,
        @Min(1) @Max(5) Integer difficultyRating,
        @Min(1) @Max(5) Integer confidenceRating,
        ActivityType activityType,
        @Size(min = 1, max = 100) String milestoneId) {

    public LogFields {
        description = description == null ? null : description.strip();
        activityType = activityType == null ? ActivityType.PRACTICE : activityType;
    }
}
