package dev.practicetracker.skills.mapping;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.practicetracker.skills.SkillType;

/**
 * A skill's editable fields: the body of {@code POST /skills}, and what a merge patch must leave
 * valid. Text is trimmed before it is validated.
 */
public record SkillFields(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Size(max = 50) String category,
        @Min(1) @Max(100000) Integer targetHours,
        @Size(max = 20) List<@NotNull @NotBlank @Size(max = 50) String> tags,
        SkillType skillType) {

    public SkillFields {
        name = Text.trimmed(name);
        description = Text.trimmed(description);
        category = Text.trimmed(category);
        tags = tags == null ? List.of() : Text.trimmedDistinct(tags);
    }
}
