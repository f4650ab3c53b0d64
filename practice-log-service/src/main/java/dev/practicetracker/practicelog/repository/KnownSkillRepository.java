package dev.practicetracker.practicelog.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The local projection of skills. An event is applied only if its version is newer than the one
 * held, so duplicates, redelivery and replays change nothing; a deleted skill stays as a tombstone
 * so an older event arriving late cannot bring it back.
 */
@ApplicationScoped
public class KnownSkillRepository {

    private static final String FIND = "select id, user_id, name, milestone_ids, version, deleted from known_skills where id = $1";
    private static final String UPSERT = """
            insert into known_skills (id, user_id, name, milestone_ids, version, deleted)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (id) do update set name = excluded.name, milestone_ids = excluded.milestone_ids,
                version = excluded.version, deleted = excluded.deleted
            where known_skills.version < excluded.version""";

    private final Pool pool;

    public KnownSkillRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<KnownSkill> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toKnownSkill(rows.iterator().next()));
    }

    /** Which of these skill ids the projection has heard of, whoever they belong to. */
    public Uni<Set<UUID>> findAll(Collection<UUID> ids) {
        return pool.preparedQuery("select id from known_skills where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getUUID("id")));
                    return known;
                });
    }

    /** The user's live skills, by id. */
    public Uni<Map<UUID, KnownSkill>> liveOf(UUID userId) {
        return pool.preparedQuery("select id, user_id, name, milestone_ids, version, deleted from known_skills"
                + " where user_id = $1 and not deleted").execute(Tuple.of(userId)).map(rows -> {
                    Map<UUID, KnownSkill> skills = new HashMap<>();
                    rows.forEach(row -> skills.put(row.getUUID("id"), toKnownSkill(row)));
                    return skills;
                });
    }

    public Uni<Void> save(KnownSkill skill) {
        return saveAll(pool, List.of(skill));
    }

    public Uni<Void> saveAll(SqlClient client, List<KnownSkill> skills) {
        if (skills.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(skills.size());
        for (KnownSkill skill : skills) {
            rows.add(Tuple.tuple(List.of(skill.id(), skill.userId(), skill.name(),
                    skill.milestoneIds().toArray(String[]::new), skill.version(), skill.deleted())));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Void> deleteAllOf(SqlClient client, UUID userId) {
        return client.preparedQuery("delete from known_skills where user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static KnownSkill toKnownSkill(Row row) {
        return new KnownSkill(row.getUUID("id"), row.getUUID("user_id"), row.getString("name"),
                List.of(row.getArrayOfStrings("milestone_ids")), row.getLong("version"), row.getBoolean("deleted"));
    }
}
