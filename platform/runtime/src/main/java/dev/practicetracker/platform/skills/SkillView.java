package dev.practicetracker.platform.skills;

import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.RoadmapData;

/** The part of the skills-service's Skill resource other services need. */
public record SkillView(UUID id, UUID userId, String name, String category, List<String> tags, Integer targetHours, RoadmapData roadmap,
        Long version) {
}
