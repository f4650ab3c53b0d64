package dev.practicetracker.progress.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Log facts, one row per log: an event is applied only when its version is newer than the row's,
 * so duplicates, redelivery, replays and late older versions change nothing.
 */
@ApplicationScoped
public class LogFactRepository {

    private static final String UPSERT = """
            insert into log_facts (log_id, user_id, skill_id, date_practiced, local_date, minutes, difficulty, confidence,
                                   milestone_id, version, deleted)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (log_id) do update set date_practiced = excluded.date_practiced, local_date = excluded.local_date,
                minutes = excluded.minutes, difficulty = excluded.difficulty, confidence = excluded.confidence,
                milestone_id = excluded.milestone_id, version = excluded.version, deleted = excluded.deleted
            where log_facts.version < excluded.version""";

    public Uni<Void> saveAll(SqlClient client, List<LogFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(facts.size());
        for (LogFact fact : facts) {
            rows.add(Tuple.tuple(Arrays.asList(fact.logId(), fact.userId(), fact.skillId(),
                    fact.datePracticed().atOffset(ZoneOffset.UTC), fact.localDate(), fact.minutes(),
                    toShort(fact.difficulty()), toShort(fact.confidence()), fact.milestoneId(), fact.version(), fact.deleted())));
        }
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }

    private static Short toShort(Integer rating) {
        return rating == null ? null : rating.shortValue();
    }
}
