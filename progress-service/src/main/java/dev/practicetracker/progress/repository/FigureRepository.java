package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each skill's and each user's cached figures ({@code skill_progress}, {@code user_progress}),
 * recomputed set-wise from their days ({@link SkillDayRepository}) for every skill and user a change
 * touched; each keeps the newest event time applied to it ({@code as_of}). A skill or user a backlog
 * marked stale is left to the drain ({@link StaleDrain}): its days may be incomplete until then, so
 * figures computed now would be wrong, not merely late.
 */
@ApplicationScoped
public class FigureRepository {

    private static final String RECOMPUTE_SKILLS = skillsFromDays(named("skill_id", "stale_skills"));
    /**
     * Recomputes the marked skills of a drain shard from their days and unmarks them; a marked skill's
     * {@code as_of} is the newest change among its facts: every event applied to it wrote one.
     */
    private static final String RECOMPUTE_MARKED_SKILLS = skillsFromDays("""
            with drained as (delete from stale_skills where %s returning skill_id),
            changed (skill_id, as_of) as (
                select d.skill_id, (select max(f.changed_at) from log_facts f where f.skill_id = d.skill_id) from drained d),
            """.formatted(DrainShard.contains("skill_id")));
    private static final String RECOMPUTE_USERS = usersFromDays(named("user_id", "stale_users"));
    /** The named users and every user marked stale; a marked user's {@code as_of} is the newest among their skills'. */
    private static final String RECOMPUTE_USERS_AND_MARKED = usersFromDays(namedAndMarked("user_id", "stale_users",
            "select max(p.as_of) from skill_progress p where p.user_id = d.user_id"));

    /** Recomputes these skills from their days; each one's {@code as_of} is the newest event time applied to it. */
    public Uni<Void> recomputeSkills(SqlClient client, Map<UUID, Instant> asOfBySkill) {
        return executeUnlessEmpty(client, RECOMPUTE_SKILLS, asOfBySkill);
    }

    public Uni<Void> recomputeUsers(SqlClient client, Map<UUID, Instant> asOfByUser) {
        return executeUnlessEmpty(client, RECOMPUTE_USERS, asOfByUser);
    }

    /**
     * Recomputes these skills and users, and with {@code marked} also every user marked stale (then
     * unmarked, and the markings' times cleared): after the drain's skills, which leave the users to
     * this. The statements are sent together, in that order (skills, users).
     */
    public Uni<Void> recompute(SqlClient client, Map<UUID, Instant> asOfBySkill, Map<UUID, Instant> asOfByUser, boolean marked) {
        if (!marked) {
            return Uni.join().all(recomputeSkills(client, asOfBySkill), recomputeUsers(client, asOfByUser))
                    .andFailFast().replaceWithVoid();
        }
        return Uni.join().all(recomputeSkills(client, asOfBySkill), execute(client, RECOMPUTE_USERS_AND_MARKED, asOfByUser),
                client.query("delete from stale_marked").execute().replaceWithVoid())
                .andFailFast().replaceWithVoid();
    }

    /** Recomputes the skills of this shard marked stale, after their days (see {@link StaleDrain}): the skills recomputed. */
    Uni<List<UUID>> recomputeMarkedSkills(SqlClient client, DrainShard shard) {
        return client.preparedQuery(RECOMPUTE_MARKED_SKILLS).execute(shard.parameters()).map(rows -> {
            List<UUID> skills = new ArrayList<>(rows.size());
            rows.forEach(row -> skills.add(row.getUUID("skill_id")));
            return skills;
        });
    }

    /**
     * The statement that recomputes skills from their days: {@code with}, a WITH list whose last entry
     * is {@code changed (skill_id, as_of)}, the skills to recompute, and then the recompute.
     */
    private static String skillsFromDays(String with) {
        return with + """
                -- a skill whose logs were all deleted has no days left but still has facts naming its owner
                -- (ordered by the index's columns: with a bare "limit 1" the planner expects a popular skill's first
                -- fact early in a sequential scan and reads the whole table instead)
                owned as (select c.skill_id, c.as_of,
                                 (select f.user_id from log_facts f where f.skill_id = c.skill_id order by f.skill_id, f.local_date limit 1) as user_id
                            from changed c),
                days as (select d.* from skill_days d join changed c on c.skill_id = d.skill_id),
                series as (select skill_id, array_agg(local_date order by local_date) as dates,
                                  array_agg(sessions order by local_date) as sessions, array_agg(minutes::int order by local_date) as minutes
                             from days group by skill_id),
                totals as (select skill_id, sum(sessions)::int as total_sessions,
                                  sum(minutes) as total_minutes, min(first_at) as first_at, max(last_at) as last_at,
                                  sum(difficulty_sum) as difficulty_sum, sum(difficulty_count)::int as difficulty_count,
                                  sum(confidence_sum) as confidence_sum, sum(confidence_count)::int as confidence_count
                             from days group by skill_id)
                insert into skill_progress (skill_id, user_id, total_sessions, total_minutes, first_practiced_at, last_practiced_at,
                                            difficulty_sum, difficulty_count, confidence_sum, confidence_count,
                                            day_dates, day_sessions, day_minutes, as_of, updated_at)
                select o.skill_id, o.user_id, coalesce(t.total_sessions, 0), coalesce(t.total_minutes, 0), t.first_at, t.last_at,
                       coalesce(t.difficulty_sum, 0), coalesce(t.difficulty_count, 0), coalesce(t.confidence_sum, 0),
                       coalesce(t.confidence_count, 0), coalesce(s.dates, '{}'), coalesce(s.sessions, '{}'), coalesce(s.minutes, '{}'),
                       o.as_of, now()
                  from owned o left join totals t on t.skill_id = o.skill_id left join series s on s.skill_id = o.skill_id
                 where o.user_id is not null and not exists (select 1 from skills k where k.id = o.skill_id and k.deleted)
                on conflict (skill_id) do update set total_sessions = excluded.total_sessions, total_minutes = excluded.total_minutes,
                    first_practiced_at = excluded.first_practiced_at, last_practiced_at = excluded.last_practiced_at,
                    difficulty_sum = excluded.difficulty_sum, difficulty_count = excluded.difficulty_count,
                    confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count,
                    day_dates = excluded.day_dates, day_sessions = excluded.day_sessions, day_minutes = excluded.day_minutes,
                    as_of = greatest(skill_progress.as_of, excluded.as_of), updated_at = excluded.updated_at
                returning skill_id""";
    }

    /**
     * The statement that recomputes users from their skills' days: {@code with}, a WITH list whose last
     * entry is {@code changed (user_id, as_of)}, the users to recompute, and then the recompute.
     */
    private static String usersFromDays(String with) {
        return with + """
                live as (select d.user_id, d.local_date, d.sessions, d.minutes from skill_days d join changed c on c.user_id = d.user_id
                          where not exists (select 1 from skills k where k.id = d.skill_id and k.deleted)),
                per_day as (select user_id, local_date, sum(sessions)::int as sessions, sum(minutes)::int as minutes
                              from live group by user_id, local_date),
                series as (select user_id, array_agg(local_date order by local_date) as dates,
                                  array_agg(sessions order by local_date) as sessions, array_agg(minutes order by local_date) as minutes,
                                  sum(sessions)::int as total_sessions, sum(minutes)::bigint as total_minutes
                             from per_day group by user_id)
                insert into user_progress (user_id, total_sessions, total_minutes, day_dates, day_sessions, day_minutes, as_of, updated_at)
                select c.user_id, coalesce(s.total_sessions, 0), coalesce(s.total_minutes, 0), coalesce(s.dates, '{}'),
                       coalesce(s.sessions, '{}'), coalesce(s.minutes, '{}'), c.as_of, now()
                  from changed c left join series s on s.user_id = c.user_id
                on conflict (user_id) do update set total_sessions = excluded.total_sessions, total_minutes = excluded.total_minutes,
                    day_dates = excluded.day_dates, day_sessions = excluded.day_sessions, day_minutes = excluded.day_minutes,
                    as_of = greatest(user_progress.as_of, excluded.as_of), updated_at = excluded.updated_at""";
    }

    /**
     * The ids and times named by the parameters, as {@code changed (<key>, as_of)}, less those marked
     * in {@code marks}.
     */
    private static String named(String key, String marks) {
        return """
                with changed (%1$s, as_of) as (
                    select * from unnest($1::uuid[], $2::timestamptz[]) as named (%1$s, as_of)
                     where not exists (select 1 from %2$s m where m.%1$s = named.%1$s)),
                """.formatted(key, marks);
    }

    /**
     * The ids named by the parameters and every id marked in {@code marks} (the marks are deleted),
     * as {@code changed (<key>, as_of)}; a marked id's time comes from {@code asOfOfMarked} over
     * {@code d}, the deleted mark.
     */
    private static String namedAndMarked(String key, String marks, String asOfOfMarked) {
        return """
                with drained as (delete from %2$s returning %1$s),
                changed (%1$s, as_of) as (
                    select %1$s, max(as_of)
                      from (select * from unnest($1::uuid[], $2::timestamptz[]) as named (%1$s, as_of)
                            union all
                            select d.%1$s, (%3$s) from drained d) a
                     where as_of is not null group by %1$s),
                """.formatted(key, marks, asOfOfMarked);
    }

    /** Runs a statement over (id, time) pairs; none to run when there are no pairs. */
    private static Uni<Void> executeUnlessEmpty(SqlClient client, String sql, Map<UUID, Instant> asOf) {
        return asOf.isEmpty() ? Uni.createFrom().voidItem() : execute(client, sql, asOf);
    }

    private static Uni<Void> execute(SqlClient client, String sql, Map<UUID, Instant> asOf) {
        UUID[] keys = asOf.keySet().toArray(UUID[]::new);
        OffsetDateTime[] times = new OffsetDateTime[keys.length];
        for (int i = 0; i < keys.length; i++) {
            times[i] = asOf.get(keys[i]).atOffset(ZoneOffset.UTC);
        }
        return client.preparedQuery(sql).execute(Tuple.of(keys, times)).replaceWithVoid();
    }
}
