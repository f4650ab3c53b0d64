package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The streaks that lapse unless practice comes ({@code streak_watch}): watched from the change that
 * makes their last day, claimed by the scheduler once that day's next day is over in the user's zone.
 */
@ApplicationScoped
public class StreakWatch {

    /** A watched streak that has come due, with the days it has now: the skill's, or the user's across skills. */
    public record Due(UUID userId, UUID streak, LocalDate lastDay, List<LocalDate> days, boolean known) {

        public boolean acrossSkills() {
            return streak.equals(userId);
        }
    }

    /**
     * Watches the named streaks ($1 users, $2 streaks, $3 last days): each is due at the end of the day
     * after its last day, in the user's zone (PostgreSQL resolves the local midnight, clock changes
     * included). A later last day already watched is kept.
     */
    private static final String WATCH = """
            insert into streak_watch (user_id, streak, last_day, due_at)
            select w.user_id, w.streak, w.last_day, (w.last_day + 2)::timestamp at time zone coalesce(s.zone, 'UTC')
              from unnest($1::uuid[], $2::uuid[], $3::date[]) as w (user_id, streak, last_day)
              left join progress_settings s on s.user_id = w.user_id
            on conflict (user_id, streak) do update set last_day = excluded.last_day, due_at = excluded.due_at
             where excluded.last_day > streak_watch.last_day""";

    /** Watched streaks due at $1, at most $2, claimed for the transaction (two replicas never take the same one), with their days now. */
    private static final String CLAIM_DUE = """
            with due as (
                select user_id, streak, last_day from streak_watch where due_at <= $1 order by due_at limit $2 for update skip locked)
            select d.user_id, d.streak, d.last_day, coalesce(p.day_dates, u.day_dates) as day_dates,
                   (p.skill_id is not null or u.user_id is not null) as known
              from due d
              left join skill_progress p on p.skill_id = d.streak and d.streak <> d.user_id
              left join user_progress u on u.user_id = d.user_id and d.streak = d.user_id""";

    private static final String FORGET = """
            delete from streak_watch w using unnest($1::uuid[], $2::uuid[]) as f (user_id, streak)
             where w.user_id = f.user_id and w.streak = f.streak""";

    /**
     * Watches these streaks from their last days (each a user, a streak and a day, in the same order).
     * The rows are written in key order: a drain's shards, each in its own transaction, may watch the
     * same user's streak across skills, and in one order they wait for each other instead of deadlocking.
     */
    public Uni<Void> watch(SqlClient client, List<UUID> users, List<UUID> streaks, List<LocalDate> lastDays) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Integer[] order = IntStream.range(0, users.size()).boxed().sorted(Comparator.comparing((Integer i) -> users.get(i))
                .thenComparing(i -> streaks.get(i))).toArray(Integer[]::new);
        return client.preparedQuery(WATCH).execute(Tuple.of(Arrays.stream(order).map(users::get).toArray(UUID[]::new),
                Arrays.stream(order).map(streaks::get).toArray(UUID[]::new), Arrays.stream(order).map(lastDays::get).toArray(LocalDate[]::new)))
                .replaceWithVoid();
    }

    /** Stops watching these streaks (users and streaks in the same order). */
    public Uni<Void> forget(SqlClient client, List<UUID> users, List<UUID> streaks) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(FORGET).execute(Tuple.of(users.toArray(UUID[]::new), streaks.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Claims up to {@code limit} watched streaks due at {@code now}, in the caller's transaction. */
    public Uni<List<Due>> claimDue(SqlClient transaction, Instant now, int limit) {
        return transaction.preparedQuery(CLAIM_DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit)).map(rows -> {
            List<Due> due = new ArrayList<>(rows.size());
            for (Row row : rows) {
                LocalDate[] days = row.getArrayOfLocalDates("day_dates");
                due.add(new Due(row.getUUID("user_id"), row.getUUID("streak"), row.getLocalDate("last_day"),
                        days == null ? List.of() : Arrays.asList(days), row.getBoolean("known")));
            }
            return due;
        });
    }
}
