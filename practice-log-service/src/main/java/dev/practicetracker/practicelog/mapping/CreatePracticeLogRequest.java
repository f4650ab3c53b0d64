package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.practicelog.ActivityType;

/** Body of {@code POST /practice-logs}: the skill, and the log's fields (validated as {@link LogFields}). */
public record CreatePracticeLogRequest(
        UUID skillId,
        Instant datePracticed,
        Integer duration,
        String description,
        Integer difficultyRating,
        Integer confidenceRating,
        ActivityType activityType,
        String milestoneId) {

    public LogFields fields() {
        return new LogFields(datePracticed, duration, description, difficultyRating, confidenceRating, activityType, milestoneId);
    }
}
