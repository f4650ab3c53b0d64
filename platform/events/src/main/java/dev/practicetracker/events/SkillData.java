package dev.practicetracker.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code data} of {@code skill.*.v1}: the Skill resource of API.md plus {@code deleted}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SkillData(
        UUID id,
        UUID userId,
        String name,
        String description,
        String category,
        Integer targetHours,
        String skillType,
        List<String> tags,
        RoadmapData roadmap,
        String templateSlug,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted) {

    public SkillData requireComplete() {
        if (id == null || userId == null || name == null || version < 1) {
            throw new MalformedEventException("skill data lacks id, user_id, name or version");
        }
        return this;
    }
}
