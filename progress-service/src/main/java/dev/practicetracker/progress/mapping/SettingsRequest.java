package dev.practicetracker.progress.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /progress/settings}: the whole of the settings, replaced. */
public record SettingsRequest(@NotNull @Valid ReminderSettings reminders) {
}
