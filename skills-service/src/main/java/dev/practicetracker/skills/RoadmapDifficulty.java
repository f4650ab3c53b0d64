package dev.practicetracker.skills;

import com.fasterxml.jackson.annotation.JsonValue;

/** How hard a roadmap is, as its author rates it. */
public enum RoadmapDifficulty {
    BEGINNER, INTERMEDIATE, ADVANCED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
