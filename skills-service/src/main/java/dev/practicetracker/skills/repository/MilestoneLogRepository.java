package dev.practicetracker.skills.repository;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.events.PracticeLogChange;
import dev.practicetracker.events.PracticeLogData;
import dev.practicetracker.platform.consumer.NewestVersions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Practice per milestone (minutes, attempts, completions), from practice-log events. Only logs that name (or once named) a
 * milestone of an existing skill are kept; an event applies only when its version is newer, so
 * duplicates and late older versions change nothing; rows go with their skill (a foreign key), and
 * nothing comes back for a deleted skill or an erased user.
 */
@ApplicationScoped
public class MilestoneLogRepository {

    /** One statement per batch, whatever its size (one log per row: the batch's newest version of it). */
    private static final String UPSERT_ALL = """
            insert into milestone_logs (log_id, user_id, skill_id, milestone_id, minutes, version, deleted, completed)
            select i.* from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::bigint[], $7::bool[], $8::bool[])
                   as i (log_id, user_id, skill_id, milestone_id, minutes, version, deleted, completed)
             where exists (select 1 from skills s where s.id = i.skill_id and s.user_id = i.user_id)
               and (i.milestone_id is not null or exists (select 1 from milestone_logs m where m.log_id = i.log_id))
            on conflict (log_id) do update set milestone_id = excluded.milestone_id, minutes = excluded.minutes,
                version = excluded.version, deleted = excluded.deleted, completed = excluded.completed
            where milestone_logs.version < excluded.version""";
    private static final String PRACTICE_BY_MILESTONE = """
            select milestone_id, sum(minutes) as minutes, count(*) as attempts, count(*) filter (where completed) as completions
              from milestone_logs
             where skill_id = $1 and not deleted and milestone_id is not null group by milestone_id""";

    /** What the live logs that name one milestone add up to. */
    public record Practice(long minutes, long attempts, long completions) {
        public static final Practice NONE = new Practice(0, 0, 0);
    }

    private final Pool pool;

    public MilestoneLogRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> saveAll(SqlClient client, List<PracticeLogChange> changes) {
        List<PracticeLogChange> newest = NewestVersions.of(changes, change -> change.log().id(), change -> change.log().version());
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = newest.size();
        UUID[] logs = new UUID[size], users = new UUID[size], skills = new UUID[size];
        String[] milestones = new String[size];
        Integer[] minutes = new Integer[size];
        Long[] versions = new Long[size];
        Boolean[] deleted = new Boolean[size], completed = new Boolean[size];
        int i = 0;
        for (PracticeLogChange change : newest) {
            PracticeLogData log = change.log();
            logs[i] = log.id();
            users[i] = log.userId();
            skills[i] = log.skillId();
            milestones[i] = log.milestoneId();
            minutes[i] = log.duration();
            versions[i] = log.version();
            completed[i] = log.milestoneCompleted();
            deleted[i++] = change.deleted();
        }
        return client.preparedQuery(UPSERT_ALL)
                .execute(Tuple.tuple(Arrays.asList(logs, users, skills, milestones, minutes, versions, deleted, completed)))
                .replaceWithVoid();
    }

    /** Per milestone of the skill that live logs name: their minutes, how many, and how many completed it. */
    public Uni<Map<String, Practice>> practiceByMilestone(UUID skillId) {
        return pool.preparedQuery(PRACTICE_BY_MILESTONE).execute(Tuple.of(skillId)).map(rows -> {
            Map<String, Practice> practice = new HashMap<>();
            for (Row row : rows) {
                practice.put(row.getString("milestone_id"),
                        new Practice(row.getLong("minutes"), row.getLong("attempts"), row.getLong("completions")));
            }
            return practice;
        });
    }
}
