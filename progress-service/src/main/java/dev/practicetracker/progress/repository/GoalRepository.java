package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Weekly goals: the only thing users write to the progress service. */
@ApplicationScoped
public class GoalRepository {

    /** A user's goals; version 0 when never set. */
    public record Goals(Integer weeklyMinutes, Integer weeklySessions, long version) {
        public static final Goals NONE = new Goals(null, null, 0);
    }

    private static final String SAVE = """
            insert into goals (user_id, weekly_minutes, weekly_sessions, version, updated_at) values ($1, $2, $3, 1, $4)
            on conflict (user_id) do update set weekly_minutes = excluded.weekly_minutes,
                weekly_sessions = excluded.weekly_sessions, version = goals.version + 1, updated_at = excluded.updated_at
            returning weekly_minutes, weekly_sessions, version""";

    private final Pool pool;

    public GoalRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Goals> find(UUID userId) {
        return pool.preparedQuery("select weekly_minutes, weekly_sessions, version from goals where user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? Goals.NONE : toGoals(rows.iterator().next()));
    }

    public Uni<Goals> save(UUID userId, Integer weeklyMinutes, Integer weeklySessions, Instant now) {
        return pool.preparedQuery(SAVE).execute(Tuple.tuple(Arrays.asList(userId, weeklyMinutes, weeklySessions,
                now.atOffset(ZoneOffset.UTC)))).map(rows -> toGoals(rows.iterator().next()));
    }

    private static Goals toGoals(Row row) {
        return new Goals(row.getInteger("weekly_minutes"), row.getInteger("weekly_sessions"), row.getLong("version"));
    }
}
