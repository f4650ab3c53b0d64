package dev.practicetracker.progress.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sessions and minutes by tag, category or activity type, most minutes first; {@code key} null: logs with none. */
public record BreakdownResponse(@Schema(enumeration = { "tag", "category", "activity_type" }) String by, List<Item> items) {

    @Schema(name = "BreakdownItem")
    public record Item(@Schema(nullable = true) String key, int sessions, long minutes) {
    }
}
