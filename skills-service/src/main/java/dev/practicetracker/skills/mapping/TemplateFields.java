package dev.practicetracker.skills.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.practicetracker.skills.SkillType;
import dev.practicetracker.skills.TemplateTag;

/**
 * A template's fields: the body of {@code POST /templates}, and what a merge patch must leave valid
 * (its slug, the template's id, never changes). Text is trimmed before it is validated.
 */
public record TemplateFields(
        @NotNull @Pattern(regexp = TemplateTag.SLUG, message = TemplateTag.SLUG_RULE) String slug,
        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) String tagline,
        @Size(max = 5000) String description,
        SkillType skillType,
        @Valid RoadmapRequest roadmap,
        @Size(max = 20) List<@NotNull @Valid TemplateTag> tags,
        Integer displayOrder,
        Boolean isActive) {

    public TemplateFields {
        name = Text.trimmed(name);
        tagline = Text.trimmed(tagline);
        description = Text.trimmed(description);
        tags = tags == null ? List.of() : List.copyOf(tags);
        displayOrder = displayOrder == null ? 0 : displayOrder;
        isActive = Boolean.TRUE.equals(isActive);
    }
}
