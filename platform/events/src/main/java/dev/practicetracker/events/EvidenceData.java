package dev.practicetracker.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code evidence.*.v1}: the evidence item's full state after the change. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EvidenceData(
        UUID id,
        UUID userId,
        UUID skillId,
        UUID practiceLogId,
        String type,
        String url,
        String text,
        ScreenshotFile file,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted) {

    /** Screenshot metadata; the image itself lives in the client's storage, never here. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScreenshotFile(String filename, Long sizeBytes, String contentType, String storageUrl, Instant uploadedAt) {
    }
}
