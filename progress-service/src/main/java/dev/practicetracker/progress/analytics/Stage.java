package dev.practicetracker.progress.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

/** Beginner below 40 %, intermediate from 40 %, advanced from 75 % (ANALYTICS.md). */
public enum Stage {
    BEGINNER, INTERMEDIATE, ADVANCED;

    public static Stage of(double progressPercent) {
        if (progressPercent >= 75) {
            return ADVANCED;
        }
        return progressPercent >= 40 ? INTERMEDIATE : BEGINNER;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
