package dev.practicetracker.evidence.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.evidence.Evidence;
import dev.practicetracker.evidence.EvidenceType;
import dev.practicetracker.events.EvidenceData;
import dev.practicetracker.platform.paging.PageCursor;

public final class EvidenceMapper {

    private EvidenceMapper() {
    }

    /** @param id time-ordered, so items sorted at the same moment (one session's) keep their creation order */
    public static Evidence newEvidence(UUID id, UUID userId, EvidenceType type, UUID skillId, UUID practiceLogId, Instant sortAt,
            EvidenceContent content, Instant now) {
        Evidence evidence = new Evidence();
        evidence.id = id;
        evidence.userId = userId;
        evidence.skillId = skillId;
        evidence.practiceLogId = practiceLogId;
        evidence.type = type.toString();
        evidence.sortAt = sortAt;
        evidence.version = 1;
        evidence.createdAt = now;
        evidence.updatedAt = now;
        apply(content, evidence, now);
        return evidence;
    }

    public static EvidenceContent contentOf(Evidence evidence) {
        return new EvidenceContent(evidence.url, evidence.text, ScreenshotFileFields.of(evidence.file));
    }

    public static void apply(EvidenceContent content, Evidence evidence, Instant now) {
        evidence.url = content.url();
        evidence.text = content.text();
        evidence.file = content.file() == null ? null : withUploadTime(content.file().toData(), now);
        evidence.updatedAt = now;
    }

    public static EvidenceResponse toResponse(Evidence evidence) {
        return new EvidenceResponse(evidence.id, evidence.userId, evidence.skillId, evidence.practiceLogId, evidence.type,
                evidence.url, evidence.text, evidence.file, evidence.createdAt, evidence.updatedAt, evidence.version);
    }

    public static EvidenceData toEvent(Evidence evidence, boolean deleted) {
        return new EvidenceData(evidence.id, evidence.userId, evidence.skillId, evidence.practiceLogId, evidence.type,
                evidence.url, evidence.text, evidence.file, evidence.version, evidence.createdAt, evidence.updatedAt, deleted);
    }

    /** A skill's evidence, grouped by practice session in chronological order, and the skill's own. */
    public static EvidenceBySkill bySkill(UUID skillId, List<Evidence> page, String nextCursor) {
        Map<UUID, SessionEvidence> sessions = new LinkedHashMap<>();
        List<EvidenceResponse> skillItems = new ArrayList<>();
        for (Evidence evidence : page) {
            if (evidence.practiceLogId == null) {
                skillItems.add(toResponse(evidence));
            } else {
                sessions.computeIfAbsent(evidence.practiceLogId,
                        log -> new SessionEvidence(log, evidence.sortAt, new ArrayList<>())).items().add(toResponse(evidence));
            }
        }
        return new EvidenceBySkill(skillId, List.copyOf(sessions.values()), skillItems, nextCursor);
    }

    private static EvidenceData.ScreenshotFile withUploadTime(EvidenceData.ScreenshotFile file, Instant now) {
        return file.uploadedAt() != null ? file
                : new EvidenceData.ScreenshotFile(file.filename(), file.sizeBytes(), file.contentType(), file.storageUrl(), now);
    }

    /** Where a page ordered by creation (newest first, or a session's) continues after this item. */
    public static PageCursor byCreation(Evidence evidence) {
        return new PageCursor(evidence.createdAt, evidence.id);
    }

    /** Where a skill's chronology continues after this item. */
    public static PageCursor byChronology(Evidence evidence) {
        return new PageCursor(evidence.sortAt, evidence.id);
    }
}
