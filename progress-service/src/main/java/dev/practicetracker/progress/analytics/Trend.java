package dev.practicetracker.progress.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Trend {
    IMPROVING, MAINTAINING, DECLINING;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
