package dev.practicetracker.platform.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which users were erased, and when: events of an erased user from before the erasure can still
 * arrive late (other topics, redelivery, replays) and must not bring their data back. Only a
 * SHA-256 of the user id is kept, so the tombstone holds no identifier of the person. The
 * platform's migration ({@code db/platform}) creates {@code erased_users} in every service's database.
 */
@ApplicationScoped
public class ErasedUsers {

    private static final String RECORD = """
            insert into erased_users (user_hash, erased_at) values ($1, $2)
            on conflict (user_hash) do update set erased_at = greatest(erased_users.erased_at, excluded.erased_at)""";
    private static final String FIND = "select user_hash, erased_at from erased_users where user_hash = any($1)";

    public Uni<Void> record(SqlClient client, UUID userId, Instant erasedAt) {
        return client.preparedQuery(RECORD).execute(Tuple.of(Buffer.buffer(hash(userId)), erasedAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /**
     * The test of {@link #withoutErased} for one row of a statement that leaves out erased users'
     * rows itself (saving the round trip of asking first): true unless the user whose hash (from
     * {@link #userHashes}) is in {@code userHash} was erased at or after {@code time}.
     */
    public static String notErasedSql(String userHash, String time) {
        return "not exists (select 1 from erased_users e where e.user_hash = %s and e.erased_at >= %s)".formatted(userHash, time);
    }

    /** Each item's user's hash, in the items' order, for {@link #notErasedSql} (each distinct user hashed once). */
    public static <T> Buffer[] userHashes(List<T> items, Function<T, UUID> userOf) {
        Map<UUID, Buffer> hashes = new HashMap<>();
        Buffer[] column = new Buffer[items.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = hashes.computeIfAbsent(userOf.apply(items.get(i)), user -> Buffer.buffer(hash(user)));
        }
        return column;
    }

    /** The items whose user was not erased at or after the item's time: what may still be applied. */
    public <T> Uni<List<T>> withoutErased(SqlClient client, List<T> items, Function<T, UUID> userOf, Function<T, Instant> timeOf) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(items);
        }
        Map<String, UUID> users = new HashMap<>();
        for (T item : items) {
            UUID user = userOf.apply(item);
            users.put(hex(hash(user)), user);
        }
        Buffer[] hashes = users.keySet().stream().map(ErasedUsers::unhex).map(Buffer::buffer).toArray(Buffer[]::new);
        return client.preparedQuery(FIND).execute(Tuple.of(hashes)).map(rows -> {
            if (rows.size() == 0) {
                return items;
            }
            Map<UUID, Instant> erasedAt = new HashMap<>();
            for (Row row : rows) {
                erasedAt.put(users.get(hex(row.getBuffer("user_hash").getBytes())), row.getOffsetDateTime("erased_at").toInstant());
            }
            List<T> kept = new ArrayList<>(items.size());
            for (T item : items) {
                Instant erased = erasedAt.get(userOf.apply(item));
                if (erased == null || timeOf.apply(item).isAfter(erased)) {
                    kept.add(item);
                }
            }
            return kept;
        });
    }

    static byte[] hash(UUID userId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(userId.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
