package dev.practicetracker.evidence.mapping;

import dev.practicetracker.evidence.Evidence;

public final class EvidenceMapper {

    private EvidenceMapper() {
    }

    public static EvidenceResponse toResponse(Evidence evidence) {
        return new EvidenceResponse(evidence.id, evidence.userId, evidence.skillId, evidence.practiceLogId, evidence.type,
                evidence.url, evidence.text, evidence.file, evidence.createdAt, evidence.updatedAt, evidence.version);
    }
}
