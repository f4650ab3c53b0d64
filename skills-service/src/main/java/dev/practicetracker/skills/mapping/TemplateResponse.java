package dev.practicetracker.skills.mapping;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.practicetracker.skills.SkillType;
import dev.practicetracker.skills.Template;
import dev.practicetracker.skills.TemplateTag;

/** A template of the catalogue as API.md shows it. */
public record TemplateResponse(
        String slug,
        String name,
        String tagline,
        String description,
        @Schema(nullable = true) SkillType skillType,
        RoadmapResponse roadmap,
        List<TemplateTag> tags,
        int displayOrder,
        boolean isActive,
        long adoptions,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static TemplateResponse of(Template template) {
        return new TemplateResponse(template.slug, template.name, template.tagline, template.description,
                SkillType.of(template.skillType), RoadmapResponse.of(template.roadmap), template.tagList(),
                template.displayOrder, template.active, template.adoptions, template.version, template.createdAt,
                template.updatedAt);
    }
}
