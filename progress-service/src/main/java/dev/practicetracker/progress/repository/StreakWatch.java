package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.PracticeDay;
import dev.practicetracker.progress.analytics.StreakRules;

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

    /**
     * A watched streak that has come due, with what it has now: the days of the skill's figures (or the
     * user's across skills), the user's zone and streak rules.
     */
    public record Due(UUID userId, UUID streak, LocalDate lastDay, List<PracticeDay> days, boolean known, ZoneId zone,
            StreakRules rules) {

        public boolean acrossSkills() {
            return streak.equals(userId);
        }
    }

    /**
     * Watches the named streaks ($1 users, $2 streaks, $3 last practised days, $4 the days they lapse
     * on without practice): each is due at the end of its lapse day in the user's zone (PostgreSQL
     * resolves the local midnight, clock changes included). A later last day already watched is kept.
     */
    private static final String WATCH = """
            insert into streak_watch (user_id, streak, last_day, due_at)
            select w.user_id, w.streak, w.last_day, (w.lapse_day + 1)::timestamp at time zone coalesce(s.zone, 'UTC')
              from unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) as w (user_id, streak, last_day, lapse_day)
              left join progress_settings s on s.user_id = w.user_id
            on conflict (user_id, streak) do update set last_day = excluded.last_day, due_at = excluded.due_at
             where excluded.last_day >= streak_watch.last_day""";

    /** Watched streaks due at $1, at most $2, claimed for the transaction (two replicas never take the same one), with their days now. */
    private static final String CLAIM_DUE = """
            with due as (
                select user_id, streak, last_day from streak_watch where due_at <= $1 order by due_at limit $2 for update skip locked)
            select d.user_id, d.streak, d.last_day, coalesce(p.day_dates, u.day_dates) as day_dates,
                   coalesce(p.day_sessions, u.day_sessions) as day_sessions, coalesce(p.day_minutes, u.day_minutes) as day_minutes,
                   (p.skill_id is not null or u.user_id is not null) as known,
                   coalesce(st.zone, 'UTC') as zone, """ + ProgressReadRepository.RULES_COLUMNS + """

              from due d
              left join skill_progress p on p.skill_id = d.streak and d.streak <> d.user_id
              left join user_progress u on u.user_id = d.user_id and d.streak = d.user_id
            """ + ProgressReadRepository.rulesJoin("d.user_id");

    /** Makes every watched streak of the user due at $2 at the latest, to be looked at again by the rules they now have ($1). */
    private static final String RECONSIDER = "update streak_watch set due_at = least(due_at, $2) where user_id = $1";

    private static final String FORGET = """
            delete from streak_watch w using unnest($1::uuid[], $2::uuid[]) as f (user_id, streak)
             where w.user_id = f.user_id and w.streak = f.streak""";

    /**
     * Watches these streaks from their last practised days until the days they lapse on (each a user, a
     * streak, a last day and a lapse day, in the same order). The rows are written in key order: a
     * drain's shards, each in its own transaction, may watch the same user's streak across skills, and
     * in one order they wait for each other instead of deadlocking.
     */
    public Uni<Void> watch(SqlClient client, List<UUID> users, List<UUID> streaks, List<LocalDate> lastDays, List<LocalDate> lapseDays) {
        if (users.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Integer[] order = IntStream.range(0, users.size()).boxed().sorted(Comparator.comparing((Integer i) -> users.get(i))
                .thenComparing(i -> streaks.get(i))).toArray(Integer[]::new);
        return client.preparedQuery(WATCH).execute(Tuple.of(Arrays.stream(order).map(users::get).toArray(UUID[]::new),
                Arrays.stream(order).map(streaks::get).toArray(UUID[]::new), Arrays.stream(order).map(lastDays::get).toArray(LocalDate[]::new),
                Arrays.stream(order).map(lapseDays::get).toArray(LocalDate[]::new))).replaceWithVoid();
    }

    /** The user's streak rules changed: each of their watched streaks is looked at again by {@code now}. */
    public Uni<Void> reconsider(SqlClient client, UUID userId, Instant now) {
        return client.preparedQuery(RECONSIDER).execute(Tuple.of(userId, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
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
                boolean known = row.getBoolean("known");
                due.add(new Due(row.getUUID("user_id"), row.getUUID("streak"), row.getLocalDate("last_day"),
                        known ? StoredSkillProgress.days(row) : List.of(), known, ZoneId.of(row.getString("zone")),
                        StoredSkillProgress.rules(row)));
            }
            return due;
        });
    }
}
