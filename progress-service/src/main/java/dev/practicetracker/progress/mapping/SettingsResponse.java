package dev.practicetracker.progress.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's progress settings, the zone stored with them (the token's {@code zoneinfo} when they were set) and their version. */
public record SettingsResponse(ReminderSettings reminders, @Schema(example = "Europe/Berlin") String zone, long version) {
}
