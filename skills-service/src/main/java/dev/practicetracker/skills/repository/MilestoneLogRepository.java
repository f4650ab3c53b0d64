package dev.practicetracker.skills.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.events.PracticeLogData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Minutes practised per milestone, from practice-log events. Only logs that name (or once named) a
 * milestone of an existing skill are kept; an event applies only when its version is newer, so
 * duplicates and late older versions change nothing; rows go with their skill (a foreign key), and
 * nothing comes back for a deleted skill or an erased user.
 */
@ApplicationScoped
public class MilestoneLogRepository {

    private static final String UPSERT = """
            insert into milestone_logs (log_id, user_id, skill_id, milestone_id, minutes, version, deleted)
            select $1, $2, $3, $4, $5, $6, $7
             where exists (select 1 from skills where id = $3 and user_id = $2)
               and ($4::text is not null or exists (select 1 from milestone_logs where log_id = $1))
            on conflict (log_id) do update set milestone_id = excluded.milestone_id, minutes = excluded.minutes,
                version = excluded.version, deleted = excluded.deleted
            where milestone_logs.version < excluded.version""";
    private static final String MINUTES_BY_MILESTONE = """
            select milestone_id, sum(minutes) as minutes from milestone_logs
             where skill_id = $1 and not deleted and milestone_id is not null group by milestone_id""";

    private final Pool pool;

    public MilestoneLogRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> saveAll(SqlClient client, List<PracticeLogChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(changes.size());
        for (PracticeLogChange change : changes) {
            PracticeLogData log = change.log();
            rows.add(Tuple.tuple(Arrays.asList(log.id(), log.userId(), log.skillId(), log.milestoneId(), log.duration(),
                    log.version(), change.deleted())));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }

    public Uni<Map<String, Long>> minutesByMilestone(UUID skillId) {
        return pool.preparedQuery(MINUTES_BY_MILESTONE).execute(Tuple.of(skillId)).map(rows -> {
            Map<String, Long> minutes = new HashMap<>();
            for (Row row : rows) {
                minutes.put(row.getString("milestone_id"), row.getLong("minutes"));
            }
            return minutes;
        });
    }
}
