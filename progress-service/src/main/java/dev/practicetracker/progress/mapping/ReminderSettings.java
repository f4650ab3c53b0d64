package dev.practicetracker.progress.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Daily reminders ({@code reminder.due.v1} on progress-events): when enabled, at {@code local_time}
 * in the user's zone on each day that at least one skill has gone unpractised for {@code after_days}.
 */
public record ReminderSettings(
        @NotNull Boolean enabled,
        @NotNull @Min(MIN_AFTER_DAYS) @Max(MAX_AFTER_DAYS) Integer afterDays,
        @NotNull @Pattern(regexp = LOCAL_TIME, message = "must be a time of day, HH:MM") @Schema(pattern = LOCAL_TIME, example = "18:00")
        String localTime) {

    public static final int MIN_AFTER_DAYS = 1;
    public static final int MAX_AFTER_DAYS = 60;
    public static final String LOCAL_TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    public static final ReminderSettings DEFAULT = new ReminderSettings(false, 3, "18:00");
}
