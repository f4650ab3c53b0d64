package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The cached per-skill analytics: recomputed from the log facts of each changed skill, read by one key lookup. */
@ApplicationScoped
public class ProgressRepository {

    private static final String RECOMPUTE = """
            with changed (skill_id, as_of) as (select * from unnest($1::uuid[], $2::timestamptz[]))
            insert into skill_progress (skill_id, user_id, total_sessions, total_minutes, first_practiced_at,
                                        last_practiced_at, as_of, updated_at)
            select f.skill_id, f.user_id,
                   count(*) filter (where not f.deleted),
                   coalesce(sum(f.minutes) filter (where not f.deleted), 0),
                   min(f.date_practiced) filter (where not f.deleted),
                   max(f.date_practiced) filter (where not f.deleted),
                   c.as_of, now()
              from changed c join log_facts f on f.skill_id = c.skill_id
             group by f.skill_id, f.user_id, c.as_of
            on conflict (skill_id) do update set total_sessions = excluded.total_sessions,
                total_minutes = excluded.total_minutes, first_practiced_at = excluded.first_practiced_at,
                last_practiced_at = excluded.last_practiced_at,
                as_of = greatest(skill_progress.as_of, excluded.as_of), updated_at = excluded.updated_at""";

    private static final String FIND = """
            select s.user_id as skill_owner, s.name, s.deleted,
                   p.user_id as progress_owner, p.total_sessions, p.total_minutes, p.first_practiced_at,
                   p.last_practiced_at, p.as_of, p.updated_at
              from (select $1::uuid as id) k
              left join skills s on s.id = k.id
              left join skill_progress p on p.skill_id = k.id""";

    private final Pool pool;

    public ProgressRepository(Pool pool) {
        this.pool = pool;
    }

    /** Recomputes the aggregates of these skills; each one's {@code as_of} is the newest event time applied to it. */
    public Uni<Void> recompute(SqlClient client, Map<UUID, Instant> asOfBySkill) {
        if (asOfBySkill.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] skills = asOfBySkill.keySet().toArray(UUID[]::new);
        OffsetDateTime[] asOf = new OffsetDateTime[skills.length];
        for (int i = 0; i < skills.length; i++) {
            asOf[i] = asOfBySkill.get(skills[i]).atOffset(ZoneOffset.UTC);
        }
        return client.preparedQuery(RECOMPUTE).execute(Tuple.of(skills, asOf)).replaceWithVoid();
    }

    /** Everything held for this skill id, whoever it belongs to; the caller decides who may see it. */
    public Uni<StoredSkillProgress> find(UUID skillId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(skillId))
                .map(rows -> StoredSkillProgress.of(skillId, rows.iterator().next()));
    }
}
