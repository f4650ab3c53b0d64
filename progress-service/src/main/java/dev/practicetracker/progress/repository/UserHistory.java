package dev.practicetracker.progress.repository;

import java.time.Instant;

import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.StreakRules;

/** A user's history across skills, the newest event applied to it (null when none was) and their streak rules. */
public record UserHistory(PracticeHistory history, Instant asOf, StreakRules rules) {
}
