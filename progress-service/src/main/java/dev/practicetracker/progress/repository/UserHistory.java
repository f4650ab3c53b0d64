package dev.practicetracker.progress.repository;

import java.time.Instant;

import dev.practicetracker.progress.analytics.PracticeHistory;

/** A user's history across skills, and the newest event applied to it (null when none was). */
public record UserHistory(PracticeHistory history, Instant asOf) {
}
