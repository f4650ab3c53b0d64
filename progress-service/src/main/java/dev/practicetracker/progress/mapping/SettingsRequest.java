package dev.practicetracker.progress.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /progress/settings}: the whole of the settings, replaced; what it leaves out
 * takes its default (a minute makes a day count, no rest weekdays, reminders off).
 */
public record SettingsRequest(
        @Min(MIN_STREAK_MINUTES) @Max(MAX_STREAK_MINUTES) @Schema(defaultValue = "1", example = "20",
                description = "the minutes a day's practice must reach to count for a streak") Integer streakMinMinutes,
        @Size(max = MAX_REST_WEEKDAYS) @Schema(description = "weekdays that neither break nor extend a streak when unpractised; at most 6, unique")
        List<@NotNull @Pattern(regexp = WEEKDAY, message = "must be a weekday in lower case, e.g. sunday") String> restWeekdays,
        @Valid ReminderSettings reminders) {

    public static final int MIN_STREAK_MINUTES = 1;
    public static final int MAX_STREAK_MINUTES = 1440;
    /** A week keeps at least one day that a streak needs practice on. */
    public static final int MAX_REST_WEEKDAYS = 6;
    public static final String WEEKDAY = "^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$";
}
