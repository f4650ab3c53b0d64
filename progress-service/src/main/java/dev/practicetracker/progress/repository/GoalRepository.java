package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.WeeklyGoal;
import dev.practicetracker.progress.mapping.ProgressExport;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Weekly goals, the user's across skills ({@code goals}) and each skill's ({@code skill_goals}). */
@ApplicationScoped
public class GoalRepository {

    /** A user's goals; version 0 when never set. */
    public record Goals(Integer weeklyMinutes, Integer weeklySessions, long version) {
        public static final Goals NONE = new Goals(null, null, 0);
    }

    private static final String SAVE = """
            insert into goals (user_id, weekly_minutes, weekly_sessions, version, updated_at) values ($1, $2, $3, 1, $4)
            on conflict (user_id) do update set weekly_minutes = excluded.weekly_minutes,
                weekly_sessions = excluded.weekly_sessions, version = goals.version + 1, updated_at = excluded.updated_at
            returning weekly_minutes, weekly_sessions, version""";

    private static final String SAVE_SKILL_GOAL = """
            insert into skill_goals (skill_id, user_id, weekly_minutes, weekly_sessions, version, updated_at) values ($1, $2, $3, $4, 1, $5)
            on conflict (skill_id) do update set weekly_minutes = excluded.weekly_minutes, weekly_sessions = excluded.weekly_sessions,
                version = skill_goals.version + 1, updated_at = excluded.updated_at""";

    /** A user's weekly goal and what the week from {@code weekStart} to {@code day} holds of their live skills. */
    public record UserWeek(UUID userId, WeeklyGoal goal, LocalDate weekStart, int minutes, int sessions) {
    }

    /** Of the users named ($1, each with the start of a week $2 and a day of it $3), those with a goal: the week up to that day. */
    private static final String USER_WEEKS = """
            select w.user_id, g.weekly_minutes, g.weekly_sessions, w.week_start,
                   coalesce(sum(d.minutes), 0)::int as minutes, coalesce(sum(d.sessions), 0)::int as sessions
              from unnest($1::uuid[], $2::date[], $3::date[]) as w (user_id, week_start, day)
              join goals g on g.user_id = w.user_id
              left join skill_days d on d.user_id = w.user_id and d.local_date between w.week_start and w.day
                    and not exists (select 1 from skills k where k.id = d.skill_id and k.deleted)
             where g.weekly_minutes is not null or g.weekly_sessions is not null
             group by w.user_id, g.weekly_minutes, g.weekly_sessions, w.week_start""";

    private final Pool pool;

    public GoalRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Goals> find(UUID userId) {
        return pool.preparedQuery("select weekly_minutes, weekly_sessions, version from goals where user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? Goals.NONE : toGoals(rows.iterator().next()));
    }

    public Uni<Goals> save(UUID userId, Integer weeklyMinutes, Integer weeklySessions, Instant now) {
        return pool.preparedQuery(SAVE).execute(Tuple.tuple(Arrays.asList(userId, weeklyMinutes, weeklySessions,
                now.atOffset(ZoneOffset.UTC)))).map(rows -> toGoals(rows.iterator().next()));
    }

    /** Sets the goal of a skill of the user's (the caller checked it is theirs). */
    public Uni<Void> saveSkillGoal(UUID skillId, UUID userId, Integer weeklyMinutes, Integer weeklySessions, Instant now) {
        return pool.preparedQuery(SAVE_SKILL_GOAL).execute(Tuple.tuple(Arrays.asList(skillId, userId, weeklyMinutes, weeklySessions,
                now.atOffset(ZoneOffset.UTC)))).replaceWithVoid();
    }

    /** Every skill goal of the user, by skill. */
    public Uni<List<ProgressExport.SkillGoal>> skillGoalsOf(UUID userId) {
        return pool.preparedQuery("select skill_id, weekly_minutes, weekly_sessions, updated_at from skill_goals where user_id = $1"
                + " order by skill_id").execute(Tuple.of(userId)).map(rows -> {
                    List<ProgressExport.SkillGoal> goals = new ArrayList<>(rows.size());
                    rows.forEach(row -> goals.add(new ProgressExport.SkillGoal(row.getUUID(0), row.getInteger(1), row.getInteger(2),
                            row.getOffsetDateTime(3).toInstant())));
                    return goals;
                });
    }

    /** Removes a skill's goal: whether it had one. */
    public Uni<Boolean> deleteSkillGoal(UUID skillId, UUID userId) {
        return pool.preparedQuery("delete from skill_goals where skill_id = $1 and user_id = $2").execute(Tuple.of(skillId, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The weeks of these users who have a weekly goal, each from its start to its day, in {@code client}'s transaction. */
    public Uni<List<UserWeek>> userWeeks(SqlClient client, List<UUID> users, List<LocalDate> weekStarts, List<LocalDate> days) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(USER_WEEKS).execute(Tuple.of(users.toArray(UUID[]::new), weekStarts.toArray(LocalDate[]::new),
                days.toArray(LocalDate[]::new))).map(rows -> {
                    List<UserWeek> weeks = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        weeks.add(new UserWeek(row.getUUID("user_id"), new WeeklyGoal(row.getInteger("weekly_minutes"),
                                row.getInteger("weekly_sessions")), row.getLocalDate("week_start"), row.getInteger("minutes"),
                                row.getInteger("sessions")));
                    }
                    return weeks;
                });
    }

    private static Goals toGoals(Row row) {
        return new Goals(row.getInteger("weekly_minutes"), row.getInteger("weekly_sessions"), row.getLong("version"));
    }
}
