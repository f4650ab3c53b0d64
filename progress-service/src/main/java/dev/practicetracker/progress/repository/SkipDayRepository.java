package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.progress.mapping.SkipDayResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' planned breaks ({@code skip_days}). */
@ApplicationScoped
public class SkipDayRepository {

    /** A break saved: whether it is new (else one of the same days was there, now with this reason). */
    public record Saved(SkipDayResponse skipDay, boolean created) {
    }

    /** Adds the break, or gives the one of the same days its new reason ($1 id, $2 user, $3 first, $4 last, $5 reason, $6 now). */
    private static final String SAVE = """
            insert into skip_days (id, user_id, first_day, last_day, reason, created_at) values ($1, $2, $3, $4, $5, $6)
            on conflict (user_id, first_day, last_day) do update set reason = excluded.reason
            returning id, first_day, last_day, reason, (xmax = 0) as created""";

    private static final String OVERLAPPING = """
            select id, first_day, last_day, reason from skip_days
             where user_id = $1 and last_day >= $2 and first_day <= $3
             order by first_day, last_day, id""";

    private final Pool pool;

    public SkipDayRepository(Pool pool) {
        this.pool = pool;
    }

    /** How many breaks the user has, read with {@code client}. */
    public Uni<Long> count(SqlClient client, UUID userId) {
        return client.preparedQuery("select count(*) from skip_days where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Saved> save(SqlClient client, UUID id, UUID userId, LocalDate first, LocalDate last, String reason, Instant now) {
        return client.preparedQuery(SAVE).execute(Tuple.tuple(Arrays.asList(id, userId, first, last, reason, now.atOffset(ZoneOffset.UTC))))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Saved(toResponse(row), row.getBoolean("created"));
                });
    }

    /** The user's breaks that touch {@code [from, to]}, earliest first. */
    public Uni<List<SkipDayResponse>> overlapping(UUID userId, LocalDate from, LocalDate to) {
        return pool.preparedQuery(OVERLAPPING).execute(Tuple.of(userId, from, to)).map(rows -> {
            List<SkipDayResponse> breaks = new ArrayList<>(rows.size());
            rows.forEach(row -> breaks.add(toResponse(row)));
            return breaks;
        });
    }

    /** Deletes the user's break: whether there was one of theirs with this id. */
    public Uni<Boolean> delete(SqlClient client, UUID userId, UUID id) {
        return client.preparedQuery("delete from skip_days where id = $1 and user_id = $2").execute(Tuple.of(id, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static SkipDayResponse toResponse(Row row) {
        return new SkipDayResponse(row.getUUID("id"), row.getLocalDate("first_day"), row.getLocalDate("last_day"), row.getString("reason"));
    }
}
