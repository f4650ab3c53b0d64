package dev.practicetracker.progress.repository;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.Weekdays;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' progress settings ({@code progress_settings}), and the reminders due by them. */
@ApplicationScoped
public class SettingsRepository {

    /** A user's settings as stored; version 0 when never set. */
    public record Settings(ZoneId zone, int streakMinMinutes, Set<DayOfWeek> restWeekdays, boolean remindersEnabled, int reminderAfterDays,
            LocalTime reminderLocalTime, long version) {
    }

    /** A reminder that has come due: whose, when, and by which settings. */
    public record DueReminder(UUID userId, ZoneId zone, int afterDays, LocalTime localTime, Instant dueAt) {
    }

    private static final String COLUMNS = "zone, streak_min_minutes, rest_weekdays, reminders_enabled, reminder_after_days,"
            + " reminder_local_time, version";

    private static final String SAVE = """
            insert into progress_settings (user_id, zone, reminders_enabled, reminder_after_days, reminder_local_time,
                                           reminder_next_at, version, updated_at, streak_min_minutes, rest_weekdays)
            values ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9)
            on conflict (user_id) do update set zone = excluded.zone, streak_min_minutes = excluded.streak_min_minutes,
                rest_weekdays = excluded.rest_weekdays, reminders_enabled = excluded.reminders_enabled,
                reminder_after_days = excluded.reminder_after_days, reminder_local_time = excluded.reminder_local_time,
                reminder_next_at = excluded.reminder_next_at, version = progress_settings.version + 1, updated_at = excluded.updated_at
            returning\s""" + COLUMNS;

    /**
     * Reminders due at $1, the earliest first, at most $2; each row stays locked by the claiming
     * transaction, and one another transaction holds is skipped: two replicas never take the same one.
     */
    private static final String CLAIM_DUE = """
            select user_id, zone, reminder_after_days, reminder_local_time, reminder_next_at from progress_settings
             where reminders_enabled and reminder_next_at <= $1
             order by reminder_next_at limit $2
               for update skip locked""";

    private static final String MOVE_ON = """
            update progress_settings s set reminder_next_at = n.next_at
              from unnest($1::uuid[], $2::timestamptz[]) as n (user_id, next_at)
             where s.user_id = n.user_id""";

    /** Records the reminder of a user's local day unless one was sent: whether this one is the first. */
    private static final String SENT = """
            insert into reminders_sent (user_id, local_date, sent_at)
            select user_id, local_date, $3 from unnest($1::uuid[], $2::date[]) as d (user_id, local_date)
            on conflict do nothing returning user_id""";

    private final Pool pool;

    public SettingsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The user's settings, or none. */
    public Uni<Settings> find(UUID userId) {
        return pool.preparedQuery("select " + COLUMNS + " from progress_settings where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : toSettings(rows.iterator().next()));
    }

    /** Replaces the user's settings, with {@code client}; their next reminder is due at {@code firstDueAt} (null while disabled). */
    public Uni<Settings> save(SqlClient client, UUID userId, Settings settings, Instant firstDueAt, Instant now) {
        return client.preparedQuery(SAVE).execute(Tuple.tuple(Arrays.asList(userId, settings.zone().getId(),
                settings.remindersEnabled(), settings.reminderAfterDays(), settings.reminderLocalTime(),
                firstDueAt == null ? null : firstDueAt.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), settings.streakMinMinutes(),
                Weekdays.bits(settings.restWeekdays()))))
                .map(rows -> toSettings(rows.iterator().next()));
    }

    /** Claims up to {@code limit} reminders due at {@code now}, in the caller's transaction. */
    public Uni<List<DueReminder>> claimDue(SqlClient transaction, Instant now, int limit) {
        return transaction.preparedQuery(CLAIM_DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit)).map(rows -> {
            List<DueReminder> due = new ArrayList<>(rows.size());
            for (Row row : rows) {
                due.add(new DueReminder(row.getUUID("user_id"), ZoneId.of(row.getString("zone")), row.getInteger("reminder_after_days"),
                        row.getLocalTime("reminder_local_time"), row.getOffsetDateTime("reminder_next_at").toInstant()));
            }
            return due;
        });
    }

    /** Sets when each claimed user's next reminder is due. */
    public Uni<Void> moveOn(SqlClient transaction, List<UUID> users, List<Instant> nextDueAt) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime[] times = nextDueAt.stream().map(at -> at.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return transaction.preparedQuery(MOVE_ON).execute(Tuple.of(users.toArray(UUID[]::new), times)).replaceWithVoid();
    }

    /**
     * Records the reminder of each user's local day ({@code days}, by position) as sent, unless that
     * day has had its reminder. @return the users whose day had none: theirs is to be sent
     */
    public Uni<Set<UUID>> firstOfDays(SqlClient transaction, List<UUID> users, List<LocalDate> days, Instant now) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return transaction.preparedQuery(SENT).execute(Tuple.of(users.toArray(UUID[]::new), days.toArray(LocalDate[]::new),
                now.atOffset(ZoneOffset.UTC))).map(rows -> {
                    Set<UUID> first = new HashSet<>();
                    rows.forEach(row -> first.add(row.getUUID("user_id")));
                    return first;
                });
    }

    private static Settings toSettings(Row row) {
        return new Settings(ZoneId.of(row.getString("zone")), row.getInteger("streak_min_minutes"), Weekdays.of(row.getInteger("rest_weekdays")),
                row.getBoolean("reminders_enabled"), row.getInteger("reminder_after_days"), row.getLocalTime("reminder_local_time"),
                row.getLong("version"));
    }
}
