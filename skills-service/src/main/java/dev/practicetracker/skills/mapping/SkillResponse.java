package dev.practicetracker.skills.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.skills.SkillType;

/** The Skill resource of API.md. */
public record SkillResponse(
        UUID id,
        UUID userId,
        String name,
        String description,
        String category,
        Integer targetHours,
        @Schema(nullable = true) SkillType skillType,
        List<String> tags,
        RoadmapResponse roadmap,
        String templateSlug,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
