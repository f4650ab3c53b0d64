package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.UUID;

/** A skill the caller has not practised for a while (or ever). */
public record Reminder(UUID skillId, String skillName, Instant lastPracticedAt, Integer daysSinceLastPractice) {
}
