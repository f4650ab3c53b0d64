package dev.practicetracker.evidence;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of proof: a link, a note, or a screenshot's metadata. */
public enum EvidenceType {
    LINK, NOTE, SCREENSHOT;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    public static EvidenceType of(String value) {
        return valueOf(value.toUpperCase());
    }
}
