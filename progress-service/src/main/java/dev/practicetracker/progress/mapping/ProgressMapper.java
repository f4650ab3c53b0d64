package dev.practicetracker.progress.mapping;

import dev.practicetracker.progress.repository.StoredSkillProgress;

public final class ProgressMapper {

    private ProgressMapper() {
    }

    public static SkillProgressResponse toResponse(StoredSkillProgress row) {
        double average = row.totalSessions() == 0 ? 0 : Math.round(10.0 * row.totalMinutes() / row.totalSessions()) / 10.0;
        return new SkillProgressResponse(row.skillId(), row.skillName(), row.totalSessions(), row.totalMinutes(), average,
                row.firstPracticedAt(), row.lastPracticedAt(), row.asOf(), row.updatedAt());
    }
}
