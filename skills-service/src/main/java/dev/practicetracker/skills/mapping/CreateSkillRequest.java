package dev.practicetracker.skills.mapping;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /skills}; text is trimmed before it is validated. */
public record CreateSkillRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Size(max = 50) String category,
        @Min(1) @Max(100000) Integer targetHours,
        @Size(max = 20) List<@NotNull @NotBlank @Size(max = 50) String> tags) {

    public CreateSkillRequest {
        name = Text.trimmed(name);
        description = Text.trimmed(description);
        category = Text.trimmed(category);
        tags = Text.trimmedDistinct(tags);
    }
}
