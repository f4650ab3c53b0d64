package dev.practicetracker.evidence.client;

import java.time.Instant;
import java.util.UUID;

/** The part of the practice-log-service's PracticeLog resource this service needs. */
public record PracticeLogView(UUID id, UUID userId, UUID skillId, Instant datePracticed, Long version) {
}
