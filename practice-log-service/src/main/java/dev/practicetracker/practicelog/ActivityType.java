package dev.practicetracker.practicelog;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of practice a log records; {@code practice} unless the user says otherwise. */
public enum ActivityType {
    PRACTICE, PROJECT, READING, VIDEO, COURSE, EXERCISE;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    public static ActivityType of(String value) {
        return valueOf(value.toUpperCase());
    }
}
