package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' share links ({@code share_links}). */
@ApplicationScoped
public class ShareLinkRepository {

    /** A share link as stored; {@code skillId} only for a calendar's. */
    public record ShareLink(UUID id, UUID userId, String token, String kind, UUID skillId, Instant createdAt) {
    }

    private static final String COLUMNS = "id, user_id, token, kind, skill_id, created_at";

    private final Pool pool;

    public ShareLinkRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> count(SqlClient client, UUID userId) {
        return client.preparedQuery("select count(*) from share_links where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<ShareLink> create(SqlClient client, ShareLink link) {
        return client.preparedQuery("insert into share_links (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(link.id(), link.userId(), link.token(), link.kind(), link.skillId(),
                        link.createdAt().atOffset(ZoneOffset.UTC))))
                .map(rows -> toLink(rows.iterator().next()));
    }

    /** The user's links, newest first. */
    public Uni<List<ShareLink>> ofUser(UUID userId) {
        return pool.preparedQuery("select " + COLUMNS + " from share_links where user_id = $1 order by created_at desc, id desc")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<ShareLink> links = new ArrayList<>(rows.size());
                    rows.forEach(row -> links.add(toLink(row)));
                    return links;
                });
    }

    /** The link a token opens, or null. */
    public Uni<ShareLink> byToken(String token) {
        return pool.preparedQuery("select " + COLUMNS + " from share_links where token = $1").execute(Tuple.of(token))
                .map(rows -> rows.size() == 0 ? null : toLink(rows.iterator().next()));
    }

    /** Deletes the user's link: whether there was one of theirs with this id. */
    public Uni<Boolean> delete(UUID userId, UUID id) {
        return pool.preparedQuery("delete from share_links where id = $1 and user_id = $2").execute(Tuple.of(id, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static ShareLink toLink(Row row) {
        return new ShareLink(row.getUUID("id"), row.getUUID("user_id"), row.getString("token"), row.getString("kind"),
                row.getUUID("skill_id"), row.getOffsetDateTime("created_at").toInstant());
    }
}
