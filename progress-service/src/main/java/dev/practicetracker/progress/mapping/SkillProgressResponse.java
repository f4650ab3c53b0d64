package dev.practicetracker.progress.mapping;

import java.time.Instant;
import java.util.UUID;

/** SkillProgress of API.md (the figures defined in ANALYTICS.md). */
public record SkillProgressResponse(
        UUID skillId,
        String skillName,
        int totalSessions,
        long totalMinutes,
        double averageMinutes,
        Instant firstPracticedAt,
        Instant lastPracticedAt,
        Instant asOf,
        Instant updatedAt) {
}
