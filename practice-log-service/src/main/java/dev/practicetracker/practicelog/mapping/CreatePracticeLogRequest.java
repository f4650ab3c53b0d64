package dev.practicetracker.practicelog.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.practicelog.ActivityType;

/** Body of {@code POST /practice-logs}: the skill, and the log's fields (validated as {@link LogFields}). */
public record CreatePracticeLogRequest(
        @Schema(required = true) UUID skillId,
        @Schema(required = true, description = "when the practice happened; not in the future") Instant datePracticed,
        @Schema(required = true, description = "minutes", minimum = "1", maximum = "" + LogFields.MAX_DURATION) Integer duration,
        @Schema(required = true, minLength = LogFields.MIN_DESCRIPTION, maxLength = LogFields.MAX_DESCRIPTION,
                description = "what was practised; leading and trailing spaces are not counted") String description,
        @Schema(minimum = "1", maximum = "" + LogFields.MAX_RATING, description = "how hard it felt") Integer difficultyRating,
        @Schema(minimum = "1", maximum = "" + LogFields.MAX_RATING, description = "how confident the user feels now") Integer confidenceRating,
        @Schema(description = "practice unless told otherwise") ActivityType activityType,
        @Schema(minLength = 1, maxLength = LogFields.MAX_MILESTONE_ID, description = "a milestone of the skill's roadmap") String milestoneId,
        @Schema(description = "this practice completed the milestone (only with milestone_id); false unless told") Boolean milestoneCompleted) {

    public LogFields fields() {
        return new LogFields(datePracticed, duration, description, difficultyRating, confidenceRating, activityType, milestoneId,
                milestoneCompleted);
    }
}
