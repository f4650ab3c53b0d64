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
        @NotNull @Min(1) @Max(LogFields.MAX_DURATION) Integer duration,
        @NotNull @Size(min = LogFields.MIN_DESCRIPTION, max = LogFields.MAX_DESCRIPTION) String description,
        @Min(1) @Max(LogFields.MAX_RATING) Integer difficultyRating,
        @Min(1) @Max(LogFields.MAX_RATING) Integer confidenceRating,
        ActivityType activityType,
        @Size(min = 1, max = LogFields.MAX_MILESTONE_ID) String milestoneId,
        Boolean milestoneCompleted) {

    /** The rules' figures, which the request bodies' OpenAPI schemas repeat ({@link CreatePracticeLogRequest}). */
    public static final int MAX_DURATION = 1440;
    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_RATING = 5;
    public static final int MAX_MILESTONE_ID = 100;

    public LogFields {
        description = description == null ? null : description.strip();
        activityType = activityType == null ? ActivityType.PRACTICE : activityType;
        milestoneCompleted = Boolean.TRUE.equals(milestoneCompleted);
    }
}
