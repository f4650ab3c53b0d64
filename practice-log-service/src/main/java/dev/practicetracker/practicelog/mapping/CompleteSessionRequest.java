package dev.practicetracker.practicelog.mapping;

import jakarta.validation.constraints.NotNull;

import dev.practicetracker.practicelog.PracticeSession;

/** Body of {@code POST /practice-sessions/{id}/complete}; ratings and description are checked as a log's. */
public record CompleteSessionRequest(String description, Integer difficultyRating, Integer confidenceRating,
        @NotNull PracticeSession.Completion completion) {
}
