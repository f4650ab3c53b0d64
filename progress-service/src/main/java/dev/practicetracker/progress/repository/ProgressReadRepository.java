package dev.practicetracker.progress.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.PracticeHistory;
import dev.practicetracker.progress.analytics.StreakRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The cached figures as the API reads them: a skill's (through {@link SkillProgressCache}), a user's skills', a user's own. */
@ApplicationScoped
public class ProgressReadRepository {

    /**
     * The streak rules of a user, as {@link StoredSkillProgress#rules(Row)} reads them, from
     * {@link #rulesJoin}'s settings {@code st} and skip days {@code sk}: none set for a user without settings.
     */
    static final String RULES_COLUMNS = "st.streak_min_minutes, st.rest_weekdays, sk.skip_first_days, sk.skip_last_days";

    static final String SKILL_COLUMNS = """
            s.user_id as skill_owner, s.name, s.deleted, s.target_hours, cardinality(s.milestone_ids) as milestones_total,
            (select count(*)::int from milestone_status m where m.skill_id = k.id and m.status = 'completed'
                and m.milestone_id = any(s.milestone_ids)) as milestones_completed,
            p.user_id as progress_owner, p.total_sessions, p.total_minutes, p.first_practiced_at, p.last_practiced_at,
            p.difficulty_sum, p.difficulty_count, p.confidence_sum, p.confidence_count, p.day_dates, p.day_sessions,
            p.day_minutes, p.as_of, p.updated_at, g.weekly_minutes as goal_weekly_minutes, g.weekly_sessions as goal_weekly_sessions,
            """ + RULES_COLUMNS;

    /** Joins the settings ({@code st}) and the skip days ({@code sk}, one row) of the user an SQL expression names. */
    static String rulesJoin(String user) {
        return """
                left join progress_settings st on st.user_id = %1$s
                left join lateral (select array_agg(b.first_day order by b.first_day, b.last_day) as skip_first_days,
                                          array_agg(b.last_day order by b.first_day, b.last_day) as skip_last_days
                                     from skip_days b where b.user_id = %1$s) sk on true""".formatted(user);
    }

    /**
     * What {@link #SKILL_COLUMNS} reads besides the skill {@code s} and its figures {@code p}: the
     * skill's goal, and its owner's settings ({@code st}) and skip days.
     */
    static final String SKILL_JOINS = "left join skill_goals g on g.skill_id = k.id\n" + rulesJoin("coalesce(s.user_id, p.user_id)");

    private static final String FIND = "select k.id, " + SKILL_COLUMNS + "\n" + """
             from (select $1::uuid as id) k left join skills s on s.id = k.id left join skill_progress p on p.skill_id = k.id
            """ + SKILL_JOINS;

    private static final String OF_USERS = "select k.owner, k.id, " + SKILL_COLUMNS + "\n" + """
             from (select user_id as owner, id from skills where user_id = any($1) and not deleted
                   union select user_id, skill_id from skill_progress where user_id = any($1)) k
             left join skills s on s.id = k.id left join skill_progress p on p.skill_id = k.id
            """ + SKILL_JOINS;

    private static final String USER = "select u.total_sessions, u.total_minutes, u.day_dates, u.day_sessions, u.day_minutes, u.as_of, "
            + RULES_COLUMNS + " from user_progress u\n" + rulesJoin("u.user_id") + "\n where u.user_id = $1";

    private final Pool pool;
    private final SkillProgressCache held;

    public ProgressReadRepository(Pool pool, SkillProgressCache held) {
        this.pool = pool;
        this.held = held;
    }

    /**
     * Everything held for this skill id, whoever it belongs to; the caller decides who may see it.
     * A skill read before and unchanged since is not read again.
     */
    public Uni<StoredSkillProgress> find(UUID skillId) {
        return held.get(skillId, this::findFresh);
    }

    /** Everything held for this skill id, read now: after a write of the caller's own, whose notification may not have come yet. */
    public Uni<StoredSkillProgress> findFresh(UUID skillId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(skillId)).map(rows -> StoredSkillProgress.of(skillId, rows.iterator().next()));
    }

    /** The user's skills they may see (known and not deleted, or with logs and not yet known), read with {@code client}. */
    public Uni<List<StoredSkillProgress>> visibleSkills(SqlClient client, UUID userId) {
        return visibleSkills(client, List.of(userId)).map(skills -> skills.getOrDefault(userId, List.of()));
    }

    /** The skills each of these users may see, in one query; a user with none is absent. */
    public Uni<Map<UUID, List<StoredSkillProgress>>> visibleSkills(SqlClient client, List<UUID> users) {
        return client.preparedQuery(OF_USERS).execute(Tuple.of(users.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, List<StoredSkillProgress>> skills = new HashMap<>();
            for (Row row : rows) {
                UUID owner = row.getUUID("owner");
                StoredSkillProgress stored = StoredSkillProgress.of(row.getUUID("id"), row);
                if (stored.visibilityTo(owner) == StoredSkillProgress.Visibility.VISIBLE) {
                    skills.computeIfAbsent(owner, user -> new ArrayList<>()).add(stored);
                }
            }
            return skills;
        });
    }

    /**
     * The user's streak rules changed (their settings or skip days, committed): their skills are read
     * afresh on this replica at once, as the caller expects; other replicas hear it from PostgreSQL.
     */
    public Uni<Void> rulesChanged(UUID userId) {
        return pool.preparedQuery("select id from skills where user_id = $1 union select skill_id from skill_progress where user_id = $1")
                .execute(Tuple.of(userId)).invoke(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    held.forget(ids);
                }).replaceWithVoid();
    }

    public Uni<UserHistory> user(UUID userId) {
        return pool.preparedQuery(USER).execute(Tuple.of(userId)).map(rows -> {
            if (rows.size() == 0) {
                return new UserHistory(PracticeHistory.EMPTY, null, StreakRules.PLAIN);
            }
            Row row = rows.iterator().next();
            PracticeHistory history = new PracticeHistory(row.getInteger("total_sessions"), row.getLong("total_minutes"), null, null,
                    0, 0, 0, 0, StoredSkillProgress.days(row));
            return new UserHistory(history, row.getOffsetDateTime("as_of").toInstant(), StoredSkillProgress.rules(row));
        });
    }
}
