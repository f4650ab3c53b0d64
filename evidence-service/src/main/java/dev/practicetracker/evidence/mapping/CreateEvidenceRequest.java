package dev.practicetracker.evidence.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.practicetracker.evidence.EvidenceType;
import dev.practicetracker.evidence.service.EvidenceRules;

/** Body of {@code POST /evidence}: what it is, what it is attached to, and what it says. */
public record CreateEvidenceRequest(@NotNull EvidenceType type,
        @Schema(description = "the skill it is attached to; or give practice_log_id") UUID skillId,
        @Schema(description = "the log it is attached to; or give skill_id") UUID practiceLogId,
        @Schema(description = "a link's http(s) URL", maxLength = EvidenceRules.MAX_URL_LENGTH, format = "uri") String url,
        @Schema(description = "a note's text", minLength = 1, maxLength = EvidenceRules.MAX_TEXT_LENGTH) String text,
        @Schema(implementation = ScreenshotFileFields.class, description = "a screenshot's metadata") JsonNode file) {

    public EvidenceContent content(ObjectMapper mapper) {
        return new EvidenceContent(url, text, ScreenshotFileFields.read(mapper, file));
    }
}
