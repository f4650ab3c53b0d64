package dev.practicetracker.practicelog.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.skills.SkillView;

/** What this service knows of a skill: whose it is, its roadmap's milestones, and whether it still exists. */
public record KnownSkill(UUID id, UUID userId, String name, List<String> milestoneIds, long version, boolean deleted) {

    public static KnownSkill of(SkillData skill) {
        return new KnownSkill(skill.id(), skill.userId(), skill.name(), milestoneIdsOf(skill.roadmap()), skill.version(),
                skill.deleted());
    }

    /** From the skills-service's answer: a live skill, as it is right now. */
    public static KnownSkill of(SkillView skill) {
        return new KnownSkill(skill.id(), skill.userId(), skill.name(), milestoneIdsOf(skill.roadmap()), skill.version(), false);
    }

    private static List<String> milestoneIdsOf(RoadmapData roadmap) {
        return roadmap == null ? List.of()
                : roadmap.milestones().map(RoadmapData.Milestone::id).filter(id -> id != null).toList();
    }

    /** Skill names are one per user, case aside: the key a skill is found by, by name. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** These skills by {@link #nameKey}, the first of a name kept. */
    public static Map<String, KnownSkill> byName(Collection<KnownSkill> skills) {
        Map<String, KnownSkill> byName = new HashMap<>();
        skills.forEach(skill -> byName.putIfAbsent(nameKey(skill.name()), skill));
        return byName;
    }

    public boolean isLiveSkillOf(UUID user) {
        return !deleted && userId.equals(user);
    }

    public boolean hasMilestone(String milestoneId) {
        return milestoneIds.contains(milestoneId);
    }
}
