package dev.practicetracker.progress.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.analytics.ReminderSchedule;
import dev.practicetracker.progress.analytics.Weekdays;
import dev.practicetracker.progress.mapping.ReminderSettings;
import dev.practicetracker.progress.mapping.SettingsRequest;
import dev.practicetracker.progress.mapping.SettingsResponse;
import dev.practicetracker.progress.repository.SettingsRepository;
import dev.practicetracker.progress.repository.SettingsRepository.Settings;
import io.smallrye.mutiny.Uni;

/**
 * The caller's progress settings: read, and replaced with the zone of the token that sets them; they
 * hold streak rules, so a replacement is a {@link StreakRuleChanges streak rule change}.
 */
@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final StreakRuleChanges ruleChanges;
    private final Clock clock;

    public SettingsService(SettingsRepository settings, StreakRuleChanges ruleChanges, Clock clock) {
        this.settings = settings;
        this.ruleChanges = ruleChanges;
        this.clock = clock;
    }

    /** The caller's settings; the defaults, in the caller's zone, at version 0 when never set. */
    public Uni<SettingsResponse> get(Caller caller) {
        return settings.find(caller.userId()).map(stored -> stored == null
                ? new SettingsResponse(SettingsRequest.MIN_STREAK_MINUTES, List.of(), ReminderSettings.DEFAULT, caller.zone().getId(), 0)
                : toResponse(stored));
    }

    /** Replaces them; enabled reminders are next due at today's time in the caller's zone (at once if it has passed). */
    public Uni<SettingsResponse> put(Caller caller, SettingsRequest request) {
        ReminderSettings reminders = request.reminders() == null ? ReminderSettings.DEFAULT : request.reminders();
        int minMinutes = request.streakMinMinutes() == null ? SettingsRequest.MIN_STREAK_MINUTES : request.streakMinMinutes();
        Set<DayOfWeek> restWeekdays = request.restWeekdays() == null ? Set.of()
                : request.restWeekdays().stream().map(Weekdays::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        LocalTime at = LocalTime.parse(reminders.localTime());
        Instant now = Timestamps.now(clock);
        Instant firstDue = reminders.enabled() ? ReminderSchedule.firstDueAt(now, at, caller.zone()) : null;
        Settings replacing = new Settings(caller.zone(), minMinutes, restWeekdays, reminders.enabled(), reminders.afterDays(), at, 0);
        return ruleChanges.apply(caller.userId(), now, transaction -> settings.save(transaction, caller.userId(), replacing, firstDue, now))
                .map(SettingsService::toResponse);
    }

    private static SettingsResponse toResponse(Settings stored) {
        return new SettingsResponse(stored.streakMinMinutes(), Weekdays.names(stored.restWeekdays()),
                new ReminderSettings(stored.remindersEnabled(), stored.reminderAfterDays(), stored.reminderLocalTime().toString()),
                stored.zone().getId(), stored.version());
    }
}
