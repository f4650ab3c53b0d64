package dev.practicetracker.evidence.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What evidence can be attached to: skills and practice logs as their events describe them. Newest
 * version wins; deletions stay as tombstones so an older event arriving late cannot revive them.
 */
@ApplicationScoped
public class KnownTargets {

    /** A skill as this service knows it. */
    public record KnownSkill(UUID id, UUID userId, long version, boolean deleted) {
    }

    /** A practice log as this service knows it. */
    public record KnownLog(UUID id, UUID userId, UUID skillId, Instant datePracticed, long version, boolean deleted) {
    }

    private static final String UPSERT_SKILL = """
            insert into known_skills (id, user_id, version, deleted) values ($1, $2, $3, $4)
            on conflict (id) do update set version = excluded.version, deleted = excluded.deleted
            where known_skills.version < excluded.version""";
    private static final String UPSERT_LOG = """
            insert into known_logs (id, user_id, skill_id, date_practiced, version, deleted) values ($1, $2, $3, $4, $5, $6)
            on conflict (id) do update set date_practiced = excluded.date_practiced, version = excluded.version,
                deleted = excluded.deleted
            where known_logs.version < excluded.version""";

    private final Pool pool;

    public KnownTargets(Pool pool) {
        this.pool = pool;
    }

    public Uni<KnownSkill> skill(UUID id) {
        return pool.preparedQuery("select id, user_id, version, deleted from known_skills where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toSkill(rows.iterator().next()));
    }

    public Uni<KnownLog> log(UUID id) {
        return pool.preparedQuery("select id, user_id, skill_id, date_practiced, version, deleted from known_logs where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : toLog(rows.iterator().next()));
    }

    public Uni<Void> saveSkills(SqlClient client, List<KnownSkill> skills) {
        if (skills.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(skills.size());
        skills.forEach(skill -> rows.add(Tuple.of(skill.id(), skill.userId(), skill.version(), skill.deleted())));
        return client.preparedQuery(UPSERT_SKILL).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Void> saveLogs(SqlClient client, List<KnownLog> logs) {
        if (logs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(logs.size());
        logs.forEach(log -> rows.add(Tuple.tuple(Arrays.asList(log.id(), log.userId(), log.skillId(),
                log.datePracticed().atOffset(ZoneOffset.UTC), log.version(), log.deleted()))));
        return client.preparedQuery(UPSERT_LOG).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Void> saveSkill(KnownSkill skill) {
        return saveSkills(pool, List.of(skill));
    }

    public Uni<Void> saveLog(KnownLog log) {
        return saveLogs(pool, List.of(log));
    }

    public Uni<Void> deleteAllOf(SqlClient client, UUID userId) {
        return client.preparedQuery("delete from known_logs where user_id = $1").execute(Tuple.of(userId))
                .chain(() -> client.preparedQuery("delete from known_skills where user_id = $1").execute(Tuple.of(userId)))
                .replaceWithVoid();
    }

    private static KnownSkill toSkill(Row row) {
        return new KnownSkill(row.getUUID("id"), row.getUUID("user_id"), row.getLong("version"), row.getBoolean("deleted"));
    }

    private static KnownLog toLog(Row row) {
        return new KnownLog(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("skill_id"),
                row.getOffsetDateTime("date_practiced").toInstant(), row.getLong("version"), row.getBoolean("deleted"));
    }
}
