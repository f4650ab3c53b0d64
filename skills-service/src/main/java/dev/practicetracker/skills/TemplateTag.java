package dev.practicetracker.skills;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A tag of a template: what it is for, in one of four categories. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TemplateTag(
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,100}", message = "must be 1-100 lower-case letters, digits or '-'") String slug,
        @NotBlank @Size(max = 50) String name,
        @NotNull Category category) {

    public enum Category {
        SKILL, CONTEXT, DURATION, ROLE;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }
}
