package dev.practicetracker.evidence.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.consumer.NewestVersions;
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
    /** A whole batch in one statement (one row per log: the caller keeps each log's newest version). */
    private static final String UPSERT_LOGS = """
            insert into known_logs (id, user_id, skill_id, date_practiced, version, deleted)
            select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::bigint[], $6::bool[])
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
        List<KnownLog> newest = NewestVersions.of(logs, KnownLog::id, KnownLog::version);
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = newest.size();
        UUID[] ids = new UUID[size], users = new UUID[size], skills = new UUID[size];
        OffsetDateTime[] practiced = new OffsetDateTime[size];
        Long[] versions = new Long[size];
        Boolean[] deleted = new Boolean[size];
        int i = 0;
        for (KnownLog log : newest) {
            ids[i] = log.id();
            users[i] = log.userId();
            skills[i] = log.skillId();
            practiced[i] = log.datePracticed().atOffset(ZoneOffset.UTC);
            versions[i] = log.version();
            deleted[i++] = log.deleted();
        }
        return client.preparedQuery(UPSERT_LOGS).execute(Tuple.tuple(Arrays.asList(ids, users, skills, practiced, versions, deleted)))
                .replaceWithVoid();
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
