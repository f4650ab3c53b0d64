package dev.practicetracker.progress.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's progress settings, the zone stored with them (the token's {@code zoneinfo} when they were set) and their version. */
public record SettingsResponse(@Schema(example = "1") int streakMinMinutes, @Schema(example = "[\"sunday\"]") List<String> restWeekdays,
        ReminderSettings reminders, @Schema(example = "Europe/Berlin") String zone, long version) {
}
