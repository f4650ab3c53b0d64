package dev.practicetracker.progress.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each skill's practice per day ({@code skill_days}), kept from the log facts: a log new to the
 * projection is added to its day; a day whose facts changed otherwise is re-aggregated from them; a
 * day left without any live fact goes. The figures are recomputed from these days ({@link FigureRepository}).
 */
@ApplicationScoped
public class SkillDayRepository {

    /** A day's figures over its facts {@code f}, grouped by (skill, day). */
    private static final String DAY_FIGURES = """
            count(f.log_id)::int as sessions, coalesce(sum(f.minutes), 0) as minutes,
            coalesce(sum(f.difficulty), 0) as difficulty_sum, count(f.difficulty)::int as difficulty_count,
            coalesce(sum(f.confidence), 0) as confidence_sum, count(f.confidence)::int as confidence_count,
            min(f.date_practiced) as first_at, max(f.date_practiced) as last_at""";

    /** Re-aggregates these (skill, day) pairs from their live facts. */
    private static final String RECOMPUTE_DAYS = writingDays("""
            with changed (skill_id, local_date, user_id) as (select * from unnest($1::uuid[], $2::date[], $3::uuid[])),
            days as (select c.skill_id, c.local_date, c.user_id, %s
                       from changed c
                       left join log_facts f on f.skill_id = c.skill_id and f.local_date = c.local_date and not f.deleted
                      group by c.skill_id, c.local_date, c.user_id),
            emptied as (delete from skill_days d using days e
                         where e.sessions = 0 and d.skill_id = e.skill_id and d.local_date = e.local_date)
            """.formatted(DAY_FIGURES));

    /**
     * Re-aggregates every day of every skill of a drain shard marked stale from its live facts (a
     * backlog wrote only the facts). One pass over the marked skills' facts: a day is emptied when no
     * live fact of it is left (tested against the facts' index, not against {@code days}, which read
     * twice would be materialised: a million days after a rebuild, ~100 MB of temporary files). The
     * marks themselves go with the skills' recompute ({@link FigureRepository#recomputeMarkedSkills}).
     */
    private static final String RECOMPUTE_DAYS_OF_MARKED = writingDays("""
            with marked as (select skill_id from stale_skills s where %s),
            days as (select f.skill_id, f.local_date, f.user_id, %s
                       from marked s join log_facts f on f.skill_id = s.skill_id and not f.deleted
                      group by f.skill_id, f.local_date, f.user_id),
            emptied as (delete from skill_days d using marked s
                         where d.skill_id = s.skill_id
                           and not exists (select 1 from log_facts f
                                            where f.skill_id = d.skill_id and f.local_date = d.local_date and not f.deleted))
            """.formatted(DrainShard.contains("s.skill_id"), DAY_FIGURES));

    /**
     * Adds logs new to the projection to their days: counts and sums grow, the first and last times
     * widen. O(logs added), however many logs the day already has.
     */
    private static final String ADD_TO_DAYS = """
            with added as (select skill_id, local_date, user_id, count(*)::int as sessions,
                                  sum(minutes) as minutes, coalesce(sum(difficulty), 0) as difficulty_sum,
                                  count(difficulty)::int as difficulty_count, coalesce(sum(confidence), 0) as confidence_sum,
                                  count(confidence)::int as confidence_count, min(date_practiced) as first_at,
                                  max(date_practiced) as last_at
                             from log_facts where log_id = any($1) and not deleted group by skill_id, local_date, user_id)
            insert into skill_days (skill_id, local_date, user_id, sessions, minutes, difficulty_sum, difficulty_count,
                                    confidence_sum, confidence_count, first_at, last_at)
            select * from added
            on conflict (skill_id, local_date) do update set sessions = skill_days.sessions + excluded.sessions,
                minutes = skill_days.minutes + excluded.minutes,
                difficulty_sum = skill_days.difficulty_sum + excluded.difficulty_sum,
                difficulty_count = skill_days.difficulty_count + excluded.difficulty_count,
                confidence_sum = skill_days.confidence_sum + excluded.confidence_sum,
                confidence_count = skill_days.confidence_count + excluded.confidence_count,
                first_at = least(skill_days.first_at, excluded.first_at), last_at = greatest(skill_days.last_at, excluded.last_at)""";

    /** Adds these logs, new to the projection and already written as facts, to their days. */
    public Uni<Void> addToDays(SqlClient client, List<UUID> logIds) {
        if (logIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ADD_TO_DAYS).execute(Tuple.of(logIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Re-aggregates these days from the log facts (after the facts changed). */
    public Uni<Void> recomputeDays(SqlClient client, Set<SkillDay> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] skills = new UUID[days.size()], users = new UUID[days.size()];
        LocalDate[] dates = new LocalDate[days.size()];
        int i = 0;
        for (SkillDay day : days) {
            skills[i] = day.skillId();
            dates[i] = day.localDate();
            users[i++] = day.userId();
        }
        return client.preparedQuery(RECOMPUTE_DAYS).execute(Tuple.of(skills, dates, users)).replaceWithVoid();
    }

    /** Re-aggregates the days of the skills of this shard marked stale (see {@link StaleDrain}). */
    Uni<Void> recomputeDaysOfMarked(SqlClient client, DrainShard shard) {
        return client.preparedQuery(RECOMPUTE_DAYS_OF_MARKED).execute(shard.parameters()).replaceWithVoid();
    }

    /**
     * The statement that writes re-aggregated days: {@code with}, a WITH list whose last entry is
     * {@code days} (skill, day, user and the {@link #DAY_FIGURES}), and then the write of those that
     * have sessions over what was there.
     */
    private static String writingDays(String with) {
        return with + """
                insert into skill_days (skill_id, local_date, user_id, sessions, minutes, difficulty_sum, difficulty_count,
                                        confidence_sum, confidence_count, first_at, last_at)
                select * from days where sessions > 0
                on conflict (skill_id, local_date) do update set sessions = excluded.sessions, minutes = excluded.minutes,
                    difficulty_sum = excluded.difficulty_sum, difficulty_count = excluded.difficulty_count,
                    confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count,
                    first_at = excluded.first_at, last_at = excluded.last_at""";
    }
}
