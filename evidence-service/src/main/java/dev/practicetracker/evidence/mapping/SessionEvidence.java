package dev.practicetracker.evidence.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The evidence of one practice session. */
public record SessionEvidence(UUID practiceLogId, Instant datePracticed, List<EvidenceResponse> items) {
}
