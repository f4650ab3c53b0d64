package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.events.SkillData;
import dev.practicetracker.platform.consumer.NewestVersions;
import dev.practicetracker.platform.skills.SkillView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Skills as skill-events describe them — owner, name, target, roadmap milestones, category and tags — newest version
 * wins; a deleted skill stays as a tombstone (its analytics then answer 404).
 */
@ApplicationScoped
public class KnownSkillRepository {

    private static final String UPSERT = """
            insert into skills (id, user_id, name, target_hours, milestone_ids, version, deleted, changed_at, category, tags)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (id) do update set name = excluded.name, target_hours = excluded.target_hours,
                milestone_ids = excluded.milestone_ids, version = excluded.version, deleted = excluded.deleted,
                changed_at = excluded.changed_at, category = excluded.category, tags = excluded.tags
            where skills.version < excluded.version""";

    /** A skill confirmed by the skills-service just now (read-your-writes). */
    public Uni<Void> save(SqlClient client, SkillView skill, Instant now) {
        return client.preparedQuery(UPSERT).execute(Tuple.tuple(Arrays.asList(skill.id(), skill.userId(), skill.name(),
                skill.targetHours(), milestoneIds(skill.roadmap()), skill.version(), false, now.atOffset(ZoneOffset.UTC), skill.category(),
                tags(skill.tags()))))
                .replaceWithVoid();
    }

    /** A skill's state as of its event's time. */
    public record SkillState(SkillData skill, Instant changedAt) {
    }

    public Uni<Void> saveAll(SqlClient client, List<SkillState> batch) {
        List<SkillState> newest = NewestVersions.of(batch, state -> state.skill().id(), state -> state.skill().version());
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(newest.size());
        for (SkillState state : newest) {
            SkillData skill = state.skill();
            rows.add(Tuple.tuple(Arrays.asList(skill.id(), skill.userId(), skill.name(), skill.targetHours(),
                    milestoneIds(skill.roadmap()), skill.version(), skill.deleted(), state.changedAt().atOffset(ZoneOffset.UTC),
                    skill.category(), tags(skill.tags()))));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }

    private static String[] tags(List<String> tags) {
        return tags == null ? new String[0] : tags.stream().filter(tag -> tag != null).toArray(String[]::new);
    }

    private static String[] milestoneIds(RoadmapData roadmap) {
        return roadmap == null ? new String[0]
                : roadmap.milestones().map(RoadmapData.Milestone::id).filter(id -> id != null).toArray(String[]::new);
    }
}
