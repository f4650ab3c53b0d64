package dev.practicetracker.skills.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.RoadmapData;

/** The Skill resource of API.md. */
public record SkillResponse(
        UUID id,
        UUID userId,
        String name,
        String description,
        String category,
        Integer targetHours,
        List<String> tags,
        RoadmapData roadmap,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
