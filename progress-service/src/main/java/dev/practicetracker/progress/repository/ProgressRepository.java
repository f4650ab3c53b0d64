package dev.practicetracker.progress.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.analytics.PracticeHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The cached analytics: new logs are added to their days, other changed days are re-aggregated from
 * their log facts, then every skill and user a batch touched is recomputed set-wise from its days;
 * read back with one indexed lookup. A backlog only writes facts and marks skills and users stale;
 * the drain re-aggregates the marked skills' days, then recomputes them and the marked users.
 */
@ApplicationScoped
public class ProgressRepository {

    /** A day's figures over its facts {@code f}, grouped by (skill, day). */
    private static final String DAY_FIGURES = """
            count(f.log_id)::int as sessions, coalesce(sum(f.minutes), 0) as minutes,
            coalesce(sum(f.difficulty), 0) as difficulty_sum, count(f.difficulty)::int as difficulty_count,
            coalesce(sum(f.confidence), 0) as confidence_sum, count(f.confidence)::int as confidence_count,
            min(f.date_practiced) as first_at, max(f.date_practiced) as last_at""";

    /** Writes the re-aggregated {@code days} that have sessions over what was there. */
    private static final String WRITE_DAYS = """
            insert into skill_days (skill_id, local_date, user_id, sessions, minutes, difficulty_sum, difficulty_count,
                                    confidence_sum, confidence_count, first_at, last_at)
            select * from days where sessions > 0
            on conflict (skill_id, local_date) do update set sessions = excluded.sessions, minutes = excluded.minutes,
                difficulty_sum = excluded.difficulty_sum, difficulty_count = excluded.difficulty_count,
                confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count,
                first_at = excluded.first_at, last_at = excluded.last_at""";

    /** Re-aggregates these (skill, day) pairs from their live facts; a day left without any goes. */
    private static final String RECOMPUTE_DAYS = """
            with changed (skill_id, local_date, user_id) as (select * from unnest($1::uuid[], $2::date[], $3::uuid[])),
            days as (select c.skill_id, c.local_date, c.user_id, %s
                       from changed c
                       left join log_facts f on f.skill_id = c.skill_id and f.local_date = c.local_date and not f.deleted
                      group by c.skill_id, c.local_date, c.user_id),
            emptied as (delete from skill_days d using days e
                         where e.sessions = 0 and d.skill_id = e.skill_id and d.local_date = e.local_date)
            """.formatted(DAY_FIGURES) + WRITE_DAYS;

    /**
     * A marked skill's drain shard: {@code mod(last byte of its id, $2) = $1}. Random ids spread
     * evenly; each shard is drained on a connection of its own, side by side (see {@link #drainMarkedSkills}).
     */
    private static final String IN_SHARD = "mod(get_byte(uuid_send(%s), 15), $2) = $1";

    /**
     * Re-aggregates every day of every skill of this shard marked stale from its live facts (a backlog
     * wrote only the facts); a day left without any goes. One pass over the marked skills' facts: a
     * day is emptied when no live fact of it is left (tested against the facts' index, not against
     * {@code days}, which read twice would be materialised: a million days after a rebuild, ~100 MB of
     * temporary files). The marks themselves go with the skills' recompute, sent after.
     */
    private static final String RECOMPUTE_DAYS_OF_MARKED = """
            with marked as (select skill_id from stale_skills s where %s),
            days as (select f.skill_id, f.local_date, f.user_id, %s
                       from marked s join log_facts f on f.skill_id = s.skill_id and not f.deleted
                      group by f.skill_id, f.local_date, f.user_id),
            emptied as (delete from skill_days d using marked s
                         where d.skill_id = s.skill_id
                           and not exists (select 1 from log_facts f
                                            where f.skill_id = d.skill_id and f.local_date = d.local_date and not f.deleted))
            """.formatted(IN_SHARD.formatted("s.skill_id"), DAY_FIGURES) + WRITE_DAYS;

    /**
     * Adds logs new to the projection to their days: counts and sums grow, the first and last times
     * widen. O(logs added), however many logs the day already has.
     */
    private static final String ADD_TO_DAYS = """
            with added as (select skill_id, local_date, user_id, count(*)::int as sessions,
                                  sum(minutes) as minutes, coalesce(sum(difficulty), 0) as difficulty_sum,
                                  count(difficulty)::int as difficulty_count, coalesce(sum(confidence), 0) as confidence_sum,
                                  count(confidence)::int as confidence_count, min(date_practiced) as first_at,
                                  max(date_practiced) as last_at
                             from log_facts where log_id = any($1) and not deleted group by skill_id, local_date, user_id)
            insert into skill_days (skill_id, local_date, user_id, sessions, minutes, difficulty_sum, difficulty_count,
                                    confidence_sum, confidence_count, first_at, last_at)
            select * from added
            on conflict (skill_id, local_date) do update set sessions = skill_days.sessions + excluded.sessions,
                minutes = skill_days.minutes + excluded.minutes,
                difficulty_sum = skill_days.difficulty_sum + excluded.difficulty_sum,
                difficulty_count = skill_days.difficulty_count + excluded.difficulty_count,
                confidence_sum = skill_days.confidence_sum + excluded.confidence_sum,
                confidence_count = skill_days.confidence_count + excluded.confidence_count,
                first_at = least(skill_days.first_at, excluded.first_at), last_at = greatest(skill_days.last_at, excluded.last_at)""";

    /** Recomputes the {@code changed} skills from their days. */
    private static final String SKILLS_FROM_DAYS = """
            -- a skill whose logs were all deleted has no days left but still has facts naming its owner
            -- (ordered by the index's columns: with a bare "limit 1" the planner expects a popular skill's first
            -- fact early in a sequential scan and reads the whole table instead)
            owned as (select c.skill_id, c.as_of,
                             (select f.user_id from log_facts f where f.skill_id = c.skill_id order by f.skill_id, f.local_date limit 1) as user_id
                        from changed c),
            days as (select d.* from skill_days d join changed c on c.skill_id = d.skill_id),
            series as (select skill_id, array_agg(local_date order by local_date) as dates,
                              array_agg(sessions order by local_date) as sessions, array_agg(minutes::int order by local_date) as minutes
                         from days group by skill_id),
            totals as (select skill_id, sum(sessions)::int as total_sessions,
                              sum(minutes) as total_minutes, min(first_at) as first_at, max(last_at) as last_at,
                              sum(difficulty_sum) as difficulty_sum, sum(difficulty_count)::int as difficulty_count,
                              sum(confidence_sum) as confidence_sum, sum(confidence_count)::int as confidence_count
                         from days group by skill_id)
            insert into skill_progress (skill_id, user_id, total_sessions, total_minutes, first_practiced_at, last_practiced_at,
                                        difficulty_sum, difficulty_count, confidence_sum, confidence_count,
                                        day_dates, day_sessions, day_minutes, as_of, updated_at)
            select o.skill_id, o.user_id, coalesce(t.total_sessions, 0), coalesce(t.total_minutes, 0), t.first_at, t.last_at,
                   coalesce(t.difficulty_sum, 0), coalesce(t.difficulty_count, 0), coalesce(t.confidence_sum, 0),
                   coalesce(t.confidence_count, 0), coalesce(s.dates, '{}'), coalesce(s.sessions, '{}'), coalesce(s.minutes, '{}'),
                   o.as_of, now()
              from owned o left join totals t on t.skill_id = o.skill_id left join series s on s.skill_id = o.skill_id
             where o.user_id is not null and not exists (select 1 from skills k where k.id = o.skill_id and k.deleted)
            on conflict (skill_id) do update set total_sessions = excluded.total_sessions, total_minutes = excluded.total_minutes,
                first_practiced_at = excluded.first_practiced_at, last_practiced_at = excluded.last_practiced_at,
                difficulty_sum = excluded.difficulty_sum, difficulty_count = excluded.difficulty_count,
                confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count,
                day_dates = excluded.day_dates, day_sessions = excluded.day_sessions, day_minutes = excluded.day_minutes,
                as_of = greatest(skill_progress.as_of, excluded.as_of), updated_at = excluded.updated_at""";

    /** Recomputes the {@code changed} users from their skills' days. */
    private static final String USERS_FROM_DAYS = """
            live as (select d.user_id, d.local_date, d.sessions, d.minutes from skill_days d join changed c on c.user_id = d.user_id
                      where not exists (select 1 from skills k where k.id = d.skill_id and k.deleted)),
            per_day as (select user_id, local_date, sum(sessions)::int as sessions, sum(minutes)::int as minutes
                          from live group by user_id, local_date),
            series as (select user_id, array_agg(local_date order by local_date) as dates,
                              array_agg(sessions order by local_date) as sessions, array_agg(minutes order by local_date) as minutes,
                              sum(sessions)::int as total_sessions, sum(minutes)::bigint as total_minutes
                         from per_day group by user_id)
            insert into user_progress (user_id, total_sessions, total_minutes, day_dates, day_sessions, day_minutes, as_of, updated_at)
            select c.user_id, coalesce(s.total_sessions, 0), coalesce(s.total_minutes, 0), coalesce(s.dates, '{}'),
                   coalesce(s.sessions, '{}'), coalesce(s.minutes, '{}'), c.as_of, now()
              from changed c left join series s on s.user_id = c.user_id
            on conflict (user_id) do update set total_sessions = excluded.total_sessions, total_minutes = excluded.total_minutes,
                day_dates = excluded.day_dates, day_sessions = excluded.day_sessions, day_minutes = excluded.day_minutes,
                as_of = greatest(user_progress.as_of, excluded.as_of), updated_at = excluded.updated_at""";

    private static final String RECOMPUTE_SKILLS = named("skill_id", "stale_skills") + SKILLS_FROM_DAYS;
    /**
     * Recomputes the marked skills of this shard from their days and unmarks them; a marked skill's
     * {@code as_of} is the newest change among its facts: every event applied to it wrote one.
     */
    private static final String RECOMPUTE_MARKED_SKILLS = """
            with drained as (delete from stale_skills where %s returning skill_id),
            changed (skill_id, as_of) as (
                select d.skill_id, (select max(f.changed_at) from log_facts f where f.skill_id = d.skill_id) from drained d),
            """.formatted(IN_SHARD.formatted("skill_id")) + SKILLS_FROM_DAYS;
    private static final String RECOMPUTE_USERS = named("user_id", "stale_users") + USERS_FROM_DAYS;
    /** A marked user's {@code as_of} is the newest among their skills' (recomputed just before). */
    private static final String RECOMPUTE_USERS_AND_MARKED = namedAndMarked("user_id", "stale_users",
            "select max(p.as_of) from skill_progress p where p.user_id = d.user_id") + USERS_FROM_DAYS;

    /** Whether something is marked stale and nothing has been marked for the last $1 milliseconds. */
    private static final String STALE_AND_QUIET = """
            select (exists (select 1 from stale_skills) or exists (select 1 from stale_users))
               and coalesce((select max(at) from stale_marked) < now() - $1::int * interval '1 millisecond', true)""";

    /**
     * The projection's writers' lock, across every replica: a recompute reads days and writes figures,
     * and one running beside another transaction's uncommitted day changes of the same skill or user
     * would write figures that miss them. A log batch reads and writes only its own users' facts,
     * days and figures, and one user's events are all on one partition: log batches take this lock
     * shared and their partitions' locks (below) exclusively, so batches of different partitions
     * write side by side and two of one partition (a rebalance's overlap) one after the other. Every
     * other writer (skill events, erasures, the recompute of what a backlog marked) reads across
     * users and takes it exclusively. Taken first by every transaction that writes the projection,
     * so none waits for a row another holds while holding it.
     */
    private static final String LOCK_KEY = Long.toString(0x70726f6772657373L);
    private static final String LOCK = "select pg_advisory_xact_lock(" + LOCK_KEY + ")";
    private static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared(" + LOCK_KEY + ")";
    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(" + LOCK_KEY + ")";
    /**
     * A log events partition's lock: the two-key form ({@code "plog"}, partition), a key space apart
     * from the writers' lock. Taken in ascending order (the array comes sorted), after that one.
     */
    private static final String LOCK_PARTITIONS = "select pg_advisory_xact_lock(" + 0x706c6f67 + ", p) from unnest($1::int[]) p";

    private static final String SKILL_COLUMNS = """
            s.user_id as skill_owner, s.name, s.deleted, s.target_hours, cardinality(s.milestone_ids) as milestones_total,
            (select count(*)::int from milestone_status m where m.skill_id = k.id and m.status = 'completed'
                and m.milestone_id = any(s.milestone_ids)) as milestones_completed,
            p.user_id as progress_owner, p.total_sessions, p.total_minutes, p.first_practiced_at, p.last_practiced_at,
            p.difficulty_sum, p.difficulty_count, p.confidence_sum, p.confidence_count, p.day_dates, p.day_sessions,
            p.day_minutes, p.as_of, p.updated_at""";

    private static final String FIND = "select k.id, " + SKILL_COLUMNS + "\n" + """
             from (select $1::uuid as id) k left join skills s on s.id = k.id left join skill_progress p on p.skill_id = k.id""";

    private static final String OF_USER = "select k.id, " + SKILL_COLUMNS + "\n" + """
             from (select id from skills where user_id = $1 and not deleted
                   union select skill_id from skill_progress where user_id = $1) k
             left join skills s on s.id = k.id left join skill_progress p on p.skill_id = k.id""";

    private static final String USER = "select total_sessions, total_minutes, day_dates, day_sessions, day_minutes, as_of"
            + " from user_progress where user_id = $1";

    /** How long a drain shard waits for any lock (see {@link #drainMarkedSkills}). */
    static final String SHARD_LOCK_TIMEOUT = "set local lock_timeout = '10s'";

    /** An erased user's facts from before the erasure ($1 user, $2 the erasure's time). */
    static final String FORGET_USER_FACTS = "delete from log_facts where user_id = $1 and changed_at <= $2";
    /** An erased user's skill figures whose skill has no fact left ($1 user). */
    static final String FORGET_USER_FIGURES = "delete from skill_progress where user_id = $1 and skill_id not in"
            + " (select skill_id from log_facts where user_id = $1)";
    /** The (skill, day) pairs an erased user's remaining facts are on ($1 user). */
    static final String DAYS_OF_USER = "select distinct skill_id, local_date, user_id from log_facts where user_id = $1";

    /** A user's history across skills, and the newest event applied to it. */
    public record UserHistory(PracticeHistory history, Instant asOf) {
    }

    private final Pool pool;
    private final SkillProgressCache held;

    public ProgressRepository(Pool pool, SkillProgressCache held) {
        this.pool = pool;
        this.held = held;
    }

    /** Adds these logs, new to the projection and already written as facts, to their days. */
    public Uni<Void> addToDays(SqlClient client, List<UUID> logIds) {
        if (logIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ADD_TO_DAYS).execute(Tuple.of(logIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Re-aggregates these days from the log facts (after the facts changed). */
    public Uni<Void> recomputeDays(SqlClient client, Set<SkillDay> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] skills = new UUID[days.size()], users = new UUID[days.size()];
        LocalDate[] dates = new LocalDate[days.size()];
        int i = 0;
        for (SkillDay day : days) {
            skills[i] = day.skillId();
            dates[i] = day.localDate();
            users[i++] = day.userId();
        }
        return client.preparedQuery(RECOMPUTE_DAYS).execute(Tuple.of(skills, dates, users)).replaceWithVoid();
    }

    /** Recomputes these skills from their days; each one's {@code as_of} is the newest event time applied to it. */
    public Uni<Void> recomputeSkills(SqlClient client, Map<UUID, Instant> asOfBySkill) {
        return executeUnlessEmpty(client, RECOMPUTE_SKILLS, asOfBySkill);
    }

    public Uni<Void> recomputeUsers(SqlClient client, Map<UUID, Instant> asOfByUser) {
        return executeUnlessEmpty(client, RECOMPUTE_USERS, asOfByUser);
    }

    /**
     * Recomputes these skills and users, and with {@code marked} also every user marked stale (then
     * unmarked, and the markings' times cleared): after {@link #drainMarkedSkills}, which leaves the
     * users to this. The statements are sent together, in that order (skills, users).
     */
    public Uni<Void> recompute(SqlClient client, Map<UUID, Instant> asOfBySkill, Map<UUID, Instant> asOfByUser, boolean marked) {
        if (!marked) {
            return Uni.join().all(recomputeSkills(client, asOfBySkill), recomputeUsers(client, asOfByUser))
                    .andFailFast().replaceWithVoid();
        }
        return Uni.join().all(recomputeSkills(client, asOfBySkill), execute(client, RECOMPUTE_USERS_AND_MARKED, asOfByUser),
                client.query("delete from stale_marked").execute().replaceWithVoid())
                .andFailFast().replaceWithVoid();
    }

    /**
     * Re-aggregates the days of every skill marked stale and recomputes their figures, unmarking them:
     * the bulk of a drain (after a rebuild, a million days), split into {@code shards} by skill id. The
     * first shard runs on {@code connection}, in its transaction; each other one on a connection and in
     * a transaction of its own, at the same time, so that PostgreSQL works on them side by side. The
     * caller must hold the writers' lock exclusively (it keeps every other writer out while the shards
     * run; they take no lock of their own) and must not have written any skill's days yet in its
     * transaction (a shard waiting for such a row would wait for the caller, which waits for the shard).
     * A shard that fails leaves its skills marked, for the next drain; one that committed stays. Under
     * that lock nothing else writes their rows, so a shard that waits for a lock at all waits behind
     * something that waits for the caller (a truncate or a migration queued for its tables, or whatever
     * holds a row outside the writers): every shard, the first one on the caller's connection included,
     * gives up after {@link #SHARD_LOCK_TIMEOUT}, and the drain fails instead of hanging. On the
     * caller's connection that limit stays for the rest of its transaction, which holds the writers'
     * lock throughout, so a later wait there would be the same.
     */
    public Uni<Void> drainMarkedSkills(SqlConnection connection, int shards) {
        List<Uni<Void>> drains = new ArrayList<>();
        drains.add(drainShard(connection, 0, shards));
        for (int shard = 1; shard < shards; shard++) {
            int own = shard;
            drains.add(pool.withTransaction(other -> drainShard(other, own, shards)));
        }
        return Uni.join().all(drains).andCollectFailures().replaceWithVoid();
    }

    /** The shard's statements, sent together: its lock timeout first, so that it holds for both. */
    private static Uni<Void> drainShard(SqlClient client, int shard, int shards) {
        Tuple which = Tuple.of(shard, shards);
        return Uni.join().all(client.query(SHARD_LOCK_TIMEOUT).execute(), client.preparedQuery(RECOMPUTE_DAYS_OF_MARKED).execute(which),
                client.preparedQuery(RECOMPUTE_MARKED_SKILLS).execute(which)).andFailFast().replaceWithVoid();
    }

    /**
     * Whether some skill or user is marked stale and the marking has stopped for {@code quiet}: a
     * backlog is over (read without the lock).
     */
    public Uni<Boolean> staleAndQuietFor(Duration quiet) {
        return pool.preparedQuery(STALE_AND_QUIET).execute(Tuple.of((int) quiet.toMillis()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Waits until this transaction is the projection's only writer (released when it ends). */
    public Uni<Void> lock(SqlClient client) {
        return client.query(LOCK).execute().replaceWithVoid();
    }

    /**
     * Waits until no transaction but log batches of other partitions writes the projection (released
     * when this one ends): for a log batch of these partitions, ascending, that recomputes no marked
     * skill or user.
     */
    public Uni<Void> lockPartitions(SqlClient client, int[] partitions) {
        Integer[] ascending = Arrays.stream(partitions).sorted().boxed().toArray(Integer[]::new);
        // sent together: the second waits in the connection's pipeline until the first returns
        return Uni.join().all(client.query(LOCK_SHARED).execute(), client.preparedQuery(LOCK_PARTITIONS).execute(Tuple.of(ascending)))
                .andFailFast().replaceWithVoid();
    }

    /** Takes the writer's lock if no other transaction holds it (then held until this one ends). */
    public Uni<Boolean> tryLock(SqlClient client) {
        return client.query(TRY_LOCK).execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Everything held for this skill id, whoever it belongs to; the caller decides who may see it.
     * Read through {@link SkillProgressCache}: a skill read before and unchanged since is not read again.
     */
    public Uni<StoredSkillProgress> find(UUID skillId) {
        return held.get(skillId, id -> pool.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> StoredSkillProgress.of(id, rows.iterator().next())));
    }

    /** Every skill of the user that is known or has logs (deleted ones included, for the caller to drop). */
    public Uni<List<StoredSkillProgress>> ofUser(UUID userId) {
        return pool.preparedQuery(OF_USER).execute(Tuple.of(userId)).map(rows -> {
            List<StoredSkillProgress> skills = new ArrayList<>(rows.size());
            for (Row row : rows) {
                skills.add(StoredSkillProgress.of(row.getUUID("id"), row));
            }
            return skills;
        });
    }

    public Uni<UserHistory> user(UUID userId) {
        return pool.preparedQuery(USER).execute(Tuple.of(userId)).map(rows -> {
            if (rows.size() == 0) {
                return new UserHistory(PracticeHistory.EMPTY, null);
            }
            Row row = rows.iterator().next();
            PracticeHistory history = new PracticeHistory(row.getInteger("total_sessions"), row.getLong("total_minutes"), null, null,
                    0, 0, 0, 0, StoredSkillProgress.days(row));
            return new UserHistory(history, row.getOffsetDateTime("as_of").toInstant());
        });
    }

    /** A deleted skill's analytics go (its endpoints then answer 404 from the skill's tombstone). */
    public Uni<Void> forgetSkill(SqlClient client, UUID skillId) {
        return client.preparedQuery("delete from skill_progress where skill_id = $1").execute(Tuple.of(skillId))
                .chain(() -> client.preparedQuery("delete from milestone_status where skill_id = $1").execute(Tuple.of(skillId)))
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
                .chain(() -> client.preparedQuery("delete from skill_days where user_id = $1").execute(user))
                // a user marked stale would otherwise be recomputed later into an empty row
                .chain(() -> client.preparedQuery("delete from stale_users where user_id = $1").execute(user))
                .chain(() -> client.preparedQuery(FORGET_USER_FIGURES).execute(user))
                .chain(() -> client.preparedQuery(DAYS_OF_USER).execute(user))
                .chain(rows -> {
                    // what remains is re-aggregated in place, so a newer as_of (from after the erasure) is kept
                    Set<SkillDay> days = SkillDay.of(rows);
                    Map<UUID, Instant> remaining = new HashMap<>();
                    days.forEach(day -> remaining.put(day.skillId(), erasedAt));
                    return recomputeDays(client, days).chain(() -> recomputeSkills(client, remaining)).chain(() -> remaining.isEmpty()
                            ? client.preparedQuery("delete from user_progress where user_id = $1").execute(user).replaceWithVoid()
                            : recomputeUsers(client, Map.of(userId, erasedAt)));
                });
    }

    /**
     * The ids and times named by the parameters, as {@code changed (<key>, as_of)}, less those marked
     * in {@code marks}: a marked skill's days may be incomplete until the drain re-aggregates them
     * (and a marked user's skills' days), so figures computed now would be wrong, not merely late.
     */
    private static String named(String key, String marks) {
        return """
                with changed (%1$s, as_of) as (
                    select * from unnest($1::uuid[], $2::timestamptz[]) as named (%1$s, as_of)
                     where not exists (select 1 from %2$s m where m.%1$s = named.%1$s)),
                """.formatted(key, marks);
    }

    /**
     * The ids named by the parameters and every id marked in {@code marks} (the marks are deleted),
     * as {@code changed (<key>, as_of)}; a marked id's time comes from {@code asOfOfMarked} over
     * {@code d}, the deleted mark.
     */
    private static String namedAndMarked(String key, String marks, String asOfOfMarked) {
        return """
                with drained as (delete from %2$s returning %1$s),
                changed (%1$s, as_of) as (
                    select %1$s, max(as_of)
                      from (select * from unnest($1::uuid[], $2::timestamptz[]) as named (%1$s, as_of)
                            union all
                            select d.%1$s, (%3$s) from drained d) a
                     where as_of is not null group by %1$s),
                """.formatted(key, marks, asOfOfMarked);
    }

    /** Runs a statement over (id, time) pairs; none to run when there are no pairs. */
    private static Uni<Void> executeUnlessEmpty(SqlClient client, String sql, Map<UUID, Instant> asOf) {
        return asOf.isEmpty() ? Uni.createFrom().voidItem() : execute(client, sql, asOf);
    }

    private static Uni<Void> execute(SqlClient client, String sql, Map<UUID, Instant> asOf) {
        UUID[] keys = asOf.keySet().toArray(UUID[]::new);
        OffsetDateTime[] times = new OffsetDateTime[keys.length];
        for (int i = 0; i < keys.length; i++) {
            times[i] = asOf.get(keys[i]).atOffset(ZoneOffset.UTC);
        }
        return client.preparedQuery(sql).execute(Tuple.of(keys, times)).replaceWithVoid();
    }
}
