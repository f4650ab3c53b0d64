package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.MilestoneData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Each milestone's status from {@code milestone.updated.v1}; newest version wins. */
@ApplicationScoped
public class MilestoneStatusRepository {

    private static final String UPSERT = """
            insert into milestone_status (skill_id, milestone_id, user_id, status, version, changed_at) values ($1, $2, $3, $4, $5, $6)
            on conflict (skill_id, milestone_id) do update set status = excluded.status, version = excluded.version,
                changed_at = excluded.changed_at
            where milestone_status.version < excluded.version""";

    /** A milestone's state as of its event's time. */
    public record MilestoneState(MilestoneData milestone, Instant changedAt) {
    }

    public Uni<Void> saveAll(SqlClient client, List<MilestoneState> milestones) {
        if (milestones.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(milestones.size());
        for (MilestoneState state : milestones) {
            MilestoneData milestone = state.milestone();
            rows.add(Tuple.tuple(List.of(milestone.skillId(), milestone.milestoneId(), milestone.userId(), milestone.status(),
                    milestone.version(), state.changedAt().atOffset(ZoneOffset.UTC))));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }
}
