package dev.practicetracker.practicelog.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.practicelog.PracticeSession;

/**
 * Body of {@code POST /practice-sessions/{id}/complete}; ratings and description are checked as a
 * log's. Without {@code completion}, a session with planned minutes ends as what it practised makes it.
 */
public record CompleteSessionRequest(
        @Schema(minLength = LogFields.MIN_DESCRIPTION, maxLength = LogFields.MAX_DESCRIPTION) String description,
        @Schema(minimum = "1", maximum = "" + LogFields.MAX_RATING) Integer difficultyRating,
        @Schema(minimum = "1", maximum = "" + LogFields.MAX_RATING) Integer confidenceRating,
        @Schema(description = "required unless the session has planned_minutes") PracticeSession.Completion completion) {
}
