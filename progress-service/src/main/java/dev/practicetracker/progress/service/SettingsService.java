package dev.practicetracker.progress.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.analytics.ReminderSchedule;
import dev.practicetracker.progress.mapping.ReminderSettings;
import dev.practicetracker.progress.mapping.SettingsRequest;
import dev.practicetracker.progress.mapping.SettingsResponse;
import dev.practicetracker.progress.repository.SettingsRepository;
import dev.practicetracker.progress.repository.SettingsRepository.Settings;
import io.smallrye.mutiny.Uni;

/** The caller's progress settings: read, and replaced with the zone of the token that sets them. */
@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final Clock clock;

    public SettingsService(SettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller's settings; the defaults, in the caller's zone, at version 0 when never set. */
    public Uni<SettingsResponse> get(Caller caller) {
        return settings.find(caller.userId()).map(stored -> stored == null
                ? new SettingsResponse(ReminderSettings.DEFAULT, caller.zone().getId(), 0)
                : toResponse(stored));
    }

    /** Replaces them; enabled reminders are next due at today's time in the caller's zone (at once if it has passed). */
    public Uni<SettingsResponse> put(Caller caller, SettingsRequest request) {
        ReminderSettings reminders = request.reminders();
        LocalTime at = LocalTime.parse(reminders.localTime());
        Instant now = Timestamps.now(clock);
        Instant firstDue = reminders.enabled() ? ReminderSchedule.firstDueAt(now, at, caller.zone()) : null;
        return settings.save(caller.userId(), new Settings(caller.zone(), reminders.enabled(), reminders.afterDays(), at, 0), firstDue, now)
                .map(SettingsService::toResponse);
    }

    private static SettingsResponse toResponse(Settings stored) {
        return new SettingsResponse(new ReminderSettings(stored.remindersEnabled(), stored.reminderAfterDays(),
                stored.reminderLocalTime().toString()), stored.zone().getId(), stored.version());
    }
}
