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
        @NotNull @Pattern(regexp = TemplateTag.SLUG, message = TemplateTag.SLUG_RULE) String slug,
        @NotBlank @Size(max = 50) String name,
        @NotNull Category category) {

    /** A slug, of a tag or of a template (V7 checks a template's the same way). */
    public static final String SLUG = "[a-z0-9-]{1,100}";
    public static final String SLUG_RULE = "must be 1-100 lower-case letters, digits or '-'";

    public enum Category {
        SKILL, CONTEXT, DURATION, ROLE;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }
}
