package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.WeeklyGoal;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What progress-events last said of each skill ({@code published_skills}): which skills' stored
 * figures moved since, and the levels and stages each skill has reached.
 */
@ApplicationScoped
public class PublishedSkills {

    /**
     * A skill whose figures moved: as stored now, the version to publish them as, what it had reached
     * before, and the zone its user's days are counted in (their settings', else UTC).
     */
    public record Moved(StoredSkillProgress skill, long version, int levelReached, int stageReached, ZoneId zone) {
    }

    /** The highest level and stage a skill has reached, to keep. */
    public record Reached(UUID skillId, int level, int stage) {
    }

    /**
     * Of the named skills ($1), those whose stored figures differ from the last published ones: each
     * gets the next version and the new figures' digest, in the same statement, and is returned as
     * stored now. A skill recomputed to the same figures (a change that moved nothing) is not, nor
     * one whose newest change is older than the last rebuild of the projection: replayed changes
     * pass through states already published; the skill's first change after the replay publishes
     * whatever then differs. (A change written just before the rebuild started and applied only in
     * the replay is published with the skill's next change.)
     */
    private static final String MOVE = """
            with current as (
                select skill_id, user_id, as_of,
                       md5(row(total_sessions, total_minutes, first_practiced_at, last_practiced_at, difficulty_sum, difficulty_count,
                               confidence_sum, confidence_count, day_dates, day_sessions, day_minutes)::text)::uuid as figures
                  from skill_progress
                 where skill_id = any($1::uuid[])
                   and as_of > coalesce((select started_at from projection_rebuild), '-infinity')),
            moved as (
                insert into published_skills as w (skill_id, user_id, version, figures, published_at, level_reached, stage_reached)
                select skill_id, user_id, 1, figures, as_of, 1, 0 from current
                on conflict (skill_id) do update set version = w.version + 1, figures = excluded.figures,
                    published_at = excluded.published_at
                 where w.figures <> excluded.figures
                returning skill_id as id, version, level_reached, stage_reached)
            select k.id, k.version, k.level_reached, k.stage_reached, coalesce(st.zone, 'UTC') as zone,
                   """ + ProgressReadRepository.SKILL_COLUMNS + "\n" + """
              from moved k join skill_progress p on p.skill_id = k.id left join skills s on s.id = k.id
            """ + ProgressReadRepository.SKILL_JOINS;

    /** A goal met in a week: the skill's ({@code skillId}) or, with none, the user's across skills. */
    public record GoalMet(UUID userId, UUID skillId, WeeklyGoal goal, WeeklyGoal.Attainment week, Instant metAt) {

        /** What the goal is known by in {@code goals_met}: its skill, or its user. */
        public UUID key() {
            return skillId != null ? skillId : userId;
        }
    }

    /** Records goals met in their week unless recorded already: those that are new. */
    private static final String CLAIM_MET = """
            insert into goals_met (user_id, goal, week_start, met_at)
            select * from unnest($1::uuid[], $2::uuid[], $3::date[], $4::timestamptz[])
            on conflict do nothing returning user_id, goal, week_start""";

    private static final String REACH = """
            update published_skills w set level_reached = r.level, stage_reached = r.stage
              from unnest($1::uuid[], $2::int[], $3::int[]) as r (skill_id, level, stage)
             where w.skill_id = r.skill_id""";

    /** The named skills whose figures moved since they were last published, now counted as published. */
    public Uni<List<Moved>> move(SqlClient client, Collection<UUID> skills) {
        if (skills.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(MOVE).execute(Tuple.of(skills.toArray(UUID[]::new))).map(rows -> {
            List<Moved> moved = new ArrayList<>(rows.size());
            for (Row row : rows) {
                moved.add(new Moved(StoredSkillProgress.of(row.getUUID("id"), row), row.getLong("version"), row.getInteger("level_reached"),
                        row.getInteger("stage_reached"), ZoneId.of(row.getString("zone"))));
            }
            return moved;
        });
    }

    /** Of these goals met, those not met before in their week, now recorded as met: each goal is announced once a week. */
    public Uni<List<GoalMet>> firstMet(SqlClient client, List<GoalMet> met) {
        if (met.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // in key order, as StreakWatch#watch writes, for the same reason
        List<GoalMet> sorted = met.stream().sorted(Comparator.comparing(GoalMet::userId).thenComparing(GoalMet::key)).toList();
        Tuple parameters = Tuple.of(sorted.stream().map(GoalMet::userId).toArray(UUID[]::new),
                sorted.stream().map(GoalMet::key).toArray(UUID[]::new),
                sorted.stream().map(goal -> goal.week().weekStart()).toArray(LocalDate[]::new),
                sorted.stream().map(goal -> goal.metAt().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
        return client.preparedQuery(CLAIM_MET).execute(parameters).map(rows -> {
            Set<String> first = new HashSet<>();
            rows.forEach(row -> first.add(row.getUUID("goal") + "/" + row.getLocalDate("week_start")));
            return sorted.stream().filter(goal -> first.contains(goal.key() + "/" + goal.week().weekStart())).toList();
        });
    }

    public Uni<Void> reach(SqlClient client, List<Reached> reached) {
        if (reached.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] skills = reached.stream().map(Reached::skillId).toArray(UUID[]::new);
        Integer[] levels = reached.stream().map(Reached::level).toArray(Integer[]::new);
        Integer[] stages = reached.stream().map(Reached::stage).toArray(Integer[]::new);
        return client.preparedQuery(REACH).execute(Tuple.of(skills, levels, stages)).replaceWithVoid();
    }
}
