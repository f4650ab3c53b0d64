package dev.practicetracker.practicelog.repository;

import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.SkillData;

/** What this service knows of a skill: whose it is, its roadmap's milestones, and whether it still exists. */
public record KnownSkill(UUID id, UUID userId, String name, List<String> milestoneIds, long version, boolean deleted) {

    public static KnownSkill of(SkillData skill) {
        RoadmapData roadmap = skill.roadmap();
        List<String> milestoneIds = roadmap == null ? List.of()
                : roadmap.milestones().map(RoadmapData.Milestone::id).filter(id -> id != null).toList();
        return new KnownSkill(skill.id(), skill.userId(), skill.name(), milestoneIds, skill.version(), skill.deleted());
    }

    public boolean isLiveSkillOf(UUID user) {
        return !deleted && userId.equals(user);
    }

    public boolean hasMilestone(String milestoneId) {
        return milestoneIds.contains(milestoneId);
    }
}
