package dev.practicetracker.practicelog.mapping;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Body of {@code POST /practice-logs/quick}: a skill and a preset (or a duration); the rest is filled in. */
public record QuickLogRequest(UUID skillId, Preset preset, Integer duration, String description) {

    /** One-tap durations. */
    public enum Preset {
        FIFTEEN_MINUTES("15m", 15), THIRTY_MINUTES("30m", 30), ONE_HOUR("1h", 60);

        private final String label;
        public final int minutes;

        Preset(String label, int minutes) {
            this.label = label;
            this.minutes = minutes;
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }
}
