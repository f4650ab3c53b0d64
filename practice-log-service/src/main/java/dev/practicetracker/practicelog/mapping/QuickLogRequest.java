package dev.practicetracker.practicelog.mapping;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** Body of {@code POST /practice-logs/quick}: a skill and a preset (or a duration); the rest is filled in. */
public record QuickLogRequest(
        @Schema(required = true) UUID skillId,
        @Schema(description = "a one-tap duration; or give duration") Preset preset,
        @Schema(description = "minutes, when there is no preset", minimum = "1", maximum = "" + LogFields.MAX_DURATION) Integer duration,
        @Schema(minLength = LogFields.MIN_DESCRIPTION, maxLength = LogFields.MAX_DESCRIPTION,
                description = "what was practised; a default one names the preset") String description) {

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
