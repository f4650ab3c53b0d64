package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** The stored part of a skill's progress: what does not depend on the day it is read. */
public record SkillProgressRow(UUID skillId, String skillName, int totalSessions, long totalMinutes,
        Instant firstPracticedAt, Instant lastPracticedAt, Instant asOf, Instant updatedAt) {

    /**
     * The user's view of the row, or null when the skill is not theirs: unknown, someone else's, or
     * deleted. Logs can arrive before their skill's event; the logs' owner then stands for the skill's.
     */
    static SkillProgressRow ownedBy(UUID userId, UUID skillId, Row row) {
        UUID skillOwner = row.getUUID("skill_owner");
        UUID progressOwner = row.getUUID("progress_owner");
        boolean knownSkill = row.getUUID("known_skill") != null;
        if (knownSkill && (Boolean.TRUE.equals(row.getBoolean("deleted")) || !userId.equals(skillOwner))) {
            return null;
        }
        if (!knownSkill && !userId.equals(progressOwner)) {
            return null;
        }
        if (progressOwner == null) {
            return new SkillProgressRow(skillId, row.getString("name"), 0, 0, null, null, null, null);
        }
        return new SkillProgressRow(skillId, row.getString("name"), row.getInteger("total_sessions"),
                row.getLong("total_minutes"), instant(row.getOffsetDateTime("first_practiced_at")),
                instant(row.getOffsetDateTime("last_practiced_at")), instant(row.getOffsetDateTime("as_of")),
                instant(row.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
