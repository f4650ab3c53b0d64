package dev.practicetracker.progress.analytics;

import java.time.LocalDate;

/** What was practised on one of the user's calendar days: how many sessions, how many minutes. */
public record PracticeDay(LocalDate date, int sessions, int minutes) {
}
