package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * What the read model holds for one skill id: the skill as skill-events described it (if any) and
 * its cached aggregates (if any of its logs arrived). Logs can arrive before their skill's event.
 */
public record StoredSkillProgress(UUID skillId, boolean skillKnown, UUID skillOwner, boolean skillDeleted, String skillName,
        UUID progressOwner, int totalSessions, long totalMinutes, Instant firstPracticedAt, Instant lastPracticedAt,
        Instant asOf, Instant updatedAt) {

    public enum Visibility { VISIBLE, NOT_THE_CALLERS, UNKNOWN }

    /** Missing, someone else's and deleted are all "not the caller's"; only a never-heard-of skill is unknown. */
    public Visibility visibilityTo(UUID userId) {
        if (skillKnown) {
            return !skillDeleted && userId.equals(skillOwner) ? Visibility.VISIBLE : Visibility.NOT_THE_CALLERS;
        }
        if (progressOwner != null) {
            return userId.equals(progressOwner) ? Visibility.VISIBLE : Visibility.NOT_THE_CALLERS;
        }
        return Visibility.UNKNOWN;
    }

    /** A skill with no logs yet: zeros. */
    public static StoredSkillProgress unpractised(UUID skillId, UUID owner, String name) {
        return new StoredSkillProgress(skillId, true, owner, false, name, null, 0, 0, null, null, null, null);
    }

    static StoredSkillProgress of(UUID skillId, Row row) {
        UUID progressOwner = row.getUUID("progress_owner");
        return new StoredSkillProgress(skillId, row.getUUID("skill_owner") != null, row.getUUID("skill_owner"),
                Boolean.TRUE.equals(row.getBoolean("deleted")), row.getString("name"), progressOwner,
                progressOwner == null ? 0 : row.getInteger("total_sessions"),
                progressOwner == null ? 0 : row.getLong("total_minutes"),
                instant(row.getOffsetDateTime("first_practiced_at")), instant(row.getOffsetDateTime("last_practiced_at")),
                instant(row.getOffsetDateTime("as_of")), instant(row.getOffsetDateTime("updated_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
