package dev.practicetracker.evidence.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.practicetracker.events.EvidenceData;

/** The Evidence resource of API.md. */
public record EvidenceResponse(UUID id, UUID userId, UUID skillId, UUID practiceLogId, String type, String url,
        String text, EvidenceData.ScreenshotFile file, Instant createdAt, Instant updatedAt, long version) {
}
