package dev.practicetracker.skills.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.paging.PageCursor;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.SkillType;

/** Skill entity to and from its API and event shapes. */
public final class SkillMapper {

    private SkillMapper() {
    }

    public static Skill newSkill(UUID id, UUID userId, SkillFields request, Instant now) {
        Skill skill = new Skill();
        skill.id = id;
        skill.userId = userId;
        skill.name = request.name();
        skill.description = request.description();
        skill.category = request.category();
        skill.targetHours = request.targetHours();
        skill.tags = request.tags() == null ? List.of() : request.tags();
        skill.skillType = request.skillType() == null ? null : request.skillType().toString();
        skill.version = 1;
        skill.createdAt = now;
        skill.updatedAt = now;
        return skill;
    }

    public static SkillFields fieldsOf(Skill skill) {
        return new SkillFields(skill.name, skill.description, skill.category, skill.targetHours, List.copyOf(skill.tags),
                SkillType.of(skill.skillType));
    }

    public static void apply(SkillFields fields, Skill skill) {
        skill.name = fields.name();
        skill.description = fields.description();
        skill.category = fields.category();
        skill.targetHours = fields.targetHours();
        skill.tags = fields.tags() == null ? List.of() : fields.tags();
        skill.skillType = fields.skillType() == null ? null : fields.skillType().toString();
    }

    public static SkillResponse toResponse(Skill skill) {
        return new SkillResponse(skill.id, skill.userId, skill.name, skill.description, skill.category,
                skill.targetHours, SkillType.of(skill.skillType), List.copyOf(skill.tags), RoadmapResponse.of(skill.roadmap),
                skill.templateSlug, skill.version, skill.createdAt, skill.updatedAt);
    }

    public static SkillData toEvent(Skill skill, boolean deleted) {
        return new SkillData(skill.id, skill.userId, skill.name, skill.description, skill.category, skill.targetHours,
                skill.skillType, List.copyOf(skill.tags), skill.roadmap, skill.templateSlug, skill.version, skill.createdAt, skill.updatedAt, deleted);
    }

    /** Where a page that ends with this skill continues: the list's keyset, (created_at, id). */
    public static PageCursor cursorOf(Skill skill) {
        return new PageCursor(skill.createdAt, skill.id);
    }
}
