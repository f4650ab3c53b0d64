package dev.practicetracker.progress.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.skills.SkillView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Skills as skill-events describe them: owner, name, target; newest version wins, deletes stay as tombstones. */
@ApplicationScoped
public class KnownSkillRepository {

    private static final String UPSERT = """
            insert into skills (id, user_id, name, target_hours, version, deleted)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (id) do update set name = excluded.name, target_hours = excluded.target_hours,
                version = excluded.version, deleted = excluded.deleted
            where skills.version < excluded.version""";

    public Uni<Void> save(SqlClient client, SkillView skill) {
        return client.preparedQuery(UPSERT).execute(Tuple.tuple(Arrays.asList(skill.id(), skill.userId(), skill.name(),
                skill.targetHours(), skill.version(), false))).replaceWithVoid();
    }

    public Uni<Void> saveAll(SqlClient client, List<SkillData> skills) {
        if (skills.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(skills.size());
        for (SkillData skill : skills) {
            rows.add(Tuple.tuple(Arrays.asList(skill.id(), skill.userId(), skill.name(), skill.targetHours(),
                    skill.version(), skill.deleted())));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }
}
