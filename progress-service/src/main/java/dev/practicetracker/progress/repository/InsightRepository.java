package dev.practicetracker.progress.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Figures across a user's logs that no cached series holds: when they practise (weekday and hour)
 * and on what (tags, categories, activity types), counted from the log facts of a range of local days.
 */
@ApplicationScoped
public class InsightRepository {

    /** Sessions and minutes at one ISO weekday (1 Monday … 7 Sunday) and local hour. */
    public record WeekdayHour(int weekday, int hour, int sessions, long minutes) {
    }

    /** Sessions and minutes under one key of a breakdown (null: none). */
    public record Share(String key, int sessions, long minutes) {
    }

    /** What a breakdown groups the logs by. */
    public enum By {
        TAG("t.tag", """
                left join skills s on s.id = p.skill_id
                left join lateral unnest(case when cardinality(s.tags) > 0 then s.tags else array[null::text] end) as t (tag) on true"""),
        CATEGORY("s.category", "left join skills s on s.id = p.skill_id"),
        ACTIVITY_TYPE("p.activity_type", "");

        private final String key;
        private final String joins;

        By(String key, String joins) {
            this.key = key;
            this.joins = joins;
        }
    }

    /** The user's live logs of local days $2 to $3 (of skill $4, when given). */
    private static final String LOGS = """
             from log_facts f
            where f.user_id = $1 and not f.deleted and f.local_date between $2 and $3 and ($4::uuid is null or f.skill_id = $4)""";

    private static final String PATTERNS = """
            select extract(isodow from f.local_date)::int as weekday,
                   coalesce(f.local_hour, extract(hour from f.date_practiced at time zone 'UTC'))::int as hour,
                   count(*)::int as sessions, sum(f.minutes)::bigint as minutes
            """ + LOGS + "\n group by 1, 2";

    /**
     * The logs counted per skill and activity type first (a user has few of those), then under their
     * keys: by tag, a log counts once under each of its skill's tags, or once under null when it has none.
     */
    private static final String BREAKDOWN = """
            with counted as (
                select f.skill_id, f.activity_type, count(*) as sessions, sum(f.minutes) as minutes
                  from log_facts f
                 where f.user_id = $1 and not f.deleted and f.local_date between $2 and $3
                 group by f.skill_id, f.activity_type)
            select %s as key, sum(p.sessions)::int as sessions, sum(p.minutes)::bigint as minutes
              from counted p
            %s
             group by 1
             order by minutes desc, key asc nulls last""";

    private final Pool pool;

    public InsightRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<WeekdayHour>> patterns(UUID userId, UUID skillId, LocalDate from, LocalDate to) {
        return pool.preparedQuery(PATTERNS).execute(Tuple.tuple(Arrays.asList(userId, from, to, skillId))).map(rows -> {
            List<WeekdayHour> cells = new ArrayList<>(rows.size());
            rows.forEach(row -> cells.add(new WeekdayHour(row.getInteger("weekday"), row.getInteger("hour"), row.getInteger("sessions"),
                    row.getLong("minutes"))));
            return cells;
        });
    }

    /** Most minutes first (then by key, none last). */
    public Uni<List<Share>> breakdown(UUID userId, By by, LocalDate from, LocalDate to) {
        return pool.preparedQuery(BREAKDOWN.formatted(by.key, by.joins)).execute(Tuple.of(userId, from, to)).map(rows -> {
            List<Share> shares = new ArrayList<>(rows.size());
            rows.forEach(row -> shares.add(new Share(row.getString("key"), row.getInteger("sessions"), row.getLong("minutes"))));
            return shares;
        });
    }
}
