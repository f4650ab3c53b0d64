package dev.practicetracker.evidence.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.evidence.EvidenceType;

/** Body of {@code POST /evidence}: what it is, what it is attached to, and what it says. */
public record CreateEvidenceRequest(@NotNull EvidenceType type, UUID skillId, UUID practiceLogId, String url, String text,
        JsonNode file) {

    public EvidenceContent content(ObjectMapper mapper) {
        return new EvidenceContent(url, text, ScreenshotFileFields.read(mapper, file));
    }
}
