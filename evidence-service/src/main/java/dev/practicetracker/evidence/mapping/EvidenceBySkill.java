package dev.practicetracker.evidence.mapping;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /evidence?skill_id=}: the skill's evidence grouped by practice session in
 * chronological order, and the items attached to the skill itself. Keyset-paginated on the
 * chronology; a session may continue on the next page.
 */
public record EvidenceBySkill(UUID skillId, List<SessionEvidence> sessions, List<EvidenceResponse> skillItems, String nextCursor) {
}
