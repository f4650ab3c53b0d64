package dev.practicetracker.progress.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a user's daily reminder is due: at their {@code local_time} on each local day of their zone.
 * A local time the clocks skip (spring forward) is due at the same offset after the gap, e.g. 02:30
 * at 03:30; one they pass twice (fall back) is due the first time. Pure: the scheduler gives "now".
 */
public final class ReminderSchedule {

    /** What to do with a reminder that came due: remind for a local day (or none) and when the next one is due. */
    public record Decision(LocalDate remindFor, Instant nextDueAt) {
    }

    private ReminderSchedule() {
    }

    /** The instant of {@code time} on {@code day} in {@code zone}. */
    public static Instant dueAt(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The first reminder of a setting made at {@code now}: today's, due at once if its time has passed. */
    public static Instant firstDueAt(Instant now, LocalTime time, ZoneId zone) {
        return dueAt(LocalDate.ofInstant(now, zone), time, zone);
    }

    /**
     * A reminder that was due at {@code dueAt}, looked at {@code now} (at or after it): the day it is
     * due for, if that local day still lasts (a day missed while the service was down is reminded
     * late, once); else today's, if its time has come. In every case the next is due on the following
     * day, or today when today's time is still ahead.
     */
    public static Decision decide(Instant dueAt, Instant now, LocalTime time, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(dueAt, zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (day.isBefore(today)) {
            Instant todays = dueAt(today, time, zone);
            if (todays.isAfter(now)) {
                return new Decision(null, todays);
            }
            day = today;
        }
        return new Decision(day, dueAt(day.plusDays(1), time, zone));
    }
}
