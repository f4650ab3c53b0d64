package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Forgets what the projection holds of a deleted skill or an erased user. */
@ApplicationScoped
public class ErasureRepository {

    /** An erased user's facts from before the erasure ($1 user, $2 the erasure's time). */
    static final String FORGET_USER_FACTS = "delete from log_facts where user_id = $1 and changed_at <= $2";
    /** An erased user's skill figures whose skill has no fact left ($1 user). */
    static final String FORGET_USER_FIGURES = "delete from skill_progress where user_id = $1 and skill_id not in"
            + " (select skill_id from log_facts where user_id = $1)";
    /** The (skill, day) pairs an erased user's remaining facts are on ($1 user). */
    static final String DAYS_OF_USER = "select distinct skill_id, local_date, user_id from log_facts where user_id = $1";

    private final SkillDayRepository days;
    private final FigureRepository figures;

    public ErasureRepository(SkillDayRepository days, FigureRepository figures) {
        this.days = days;
        this.figures = figures;
    }

    /** A deleted skill's analytics go (its endpoints then answer 404 from the skill's tombstone). */
    public Uni<Void> forgetSkill(SqlClient client, UUID skillId) {
        return client.preparedQuery("delete from skill_progress where skill_id = $1").execute(Tuple.of(skillId))
                .chain(() -> client.preparedQuery("delete from milestone_status where skill_id = $1").execute(Tuple.of(skillId)))
                .chain(() -> client.preparedQuery("delete from published_skills where skill_id = $1").execute(Tuple.of(skillId)))
                .chain(() -> client.preparedQuery("delete from skill_goals where skill_id = $1").execute(Tuple.of(skillId)))
                .chain(() -> client.preparedQuery("delete from streak_watch where streak = $1").execute(Tuple.of(skillId)))
                .replaceWithVoid();
    }

    /**
     * Everything of an erased user from before the erasure; what they did afterwards stays (also
     * through a replay, whichever order the topics arrive in). Their aggregates are then recomputed.
     */
    public Uni<Void> forgetUser(SqlClient client, UUID userId, Instant erasedAt) {
        Tuple before = Tuple.of(userId, erasedAt.atOffset(ZoneOffset.UTC));
        Tuple user = Tuple.of(userId);
        return client.preparedQuery(FORGET_USER_FACTS).execute(before)
                .chain(() -> client.preparedQuery("delete from milestone_status where user_id = $1 and changed_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from skills where user_id = $1 and changed_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from goals where user_id = $1 and updated_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from skill_goals where user_id = $1 and updated_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from goals_met where user_id = $1 and met_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from published_skills where user_id = $1 and published_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from streak_watch where user_id = $1").execute(user))
                .chain(() -> client.preparedQuery("delete from progress_settings where user_id = $1 and updated_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from skip_days where user_id = $1 and created_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from share_links where user_id = $1 and created_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from reminders_sent where user_id = $1 and sent_at <= $2").execute(before))
                .chain(() -> client.preparedQuery("delete from skill_days where user_id = $1").execute(user))
                // a user marked stale would otherwise be recomputed later into an empty row
                .chain(() -> client.preparedQuery("delete from stale_users where user_id = $1").execute(user))
                .chain(() -> client.preparedQuery(FORGET_USER_FIGURES).execute(user))
                .chain(() -> client.preparedQuery(DAYS_OF_USER).execute(user))
                .chain(rows -> {
                    // what remains is re-aggregated in place, so a newer as_of (from after the erasure) is kept
                    Set<SkillDay> remainingDays = SkillDay.of(rows);
                    Map<UUID, Instant> remaining = new HashMap<>();
                    remainingDays.forEach(day -> remaining.put(day.skillId(), erasedAt));
                    return days.recomputeDays(client, remainingDays).chain(() -> figures.recomputeSkills(client, remaining))
                            .chain(() -> remaining.isEmpty()
                                    ? client.preparedQuery("delete from user_progress where user_id = $1").execute(user).replaceWithVoid()
                                    : figures.recomputeUsers(client, Map.of(userId, erasedAt)));
                });
    }
}
