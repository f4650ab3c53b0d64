package dev.practicetracker.skills;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of skill it is (the skill-deconstruction spec): one of the body, or of the mind. */
public enum SkillType {
    PHYSICAL, ABSTRACT;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    /** @return null for null */
    public static SkillType of(String value) {
        return value == null ? null : valueOf(value.toUpperCase());
    }
}
