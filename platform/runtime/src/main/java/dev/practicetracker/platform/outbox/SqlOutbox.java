package dev.practicetracker.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.database.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The transactional outbox for services that write with the reactive SQL client rather than
 * Hibernate: the same table and relay as the panache module's {@code TransactionalOutbox}, written
 * with plain SQL so a change and its events can share one statement or one transaction.
 */
@ApplicationScoped
public class SqlOutbox {

    /** Columns of an outbox row, for a caller that folds the insert into its own statement. */
    public static final String COLUMNS = "event_id, topic, type, subject, user_id, occurred_at, payload, traceparent";
    /** How many {@link #COLUMNS} there are, i.e. how many parameters {@link #parameters} gives. */
    public static final int COLUMN_COUNT = 8;

    private static final String INSERT_MANY = "insert into outbox (" + COLUMNS + ") " + selectFromArrays(1);

    private final Pool pool;
    private final OutboxRelay relay;

    public SqlOutbox(Pool pool, OutboxRelay relay) {
        this.pool = pool;
        this.relay = relay;
    }

    /** Runs a write in one transaction and wakes the relay once it has committed. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> write) {
        return Transactions.pipelined(pool, write).invoke(relay::wake);
    }

    /** For a write that is a single (so atomic) statement outside an explicit transaction. */
    public <T> Uni<T> afterCommit(Uni<T> singleStatementWrite) {
        return singleStatementWrite.invoke(relay::wake);
    }

    /** Adds events to the caller's transaction in one statement, however many there are. */
    public Uni<Void> append(SqlClient client, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(INSERT_MANY).execute(Tuple.tuple(arrays(messages))).replaceWithVoid();
    }

    /**
     * Outbox rows for a caller that folds many into its own statement: {@code select * from unnest(...)}
     * of the {@link #COLUMN_COUNT} arrays {@link #arrays} gives, as parameters {@code $first} onwards.
     */
    public static String selectFromArrays(int first) {
        String[] types = { "uuid", "text", "text", "text", "uuid", "timestamptz", "text", "text" };
        StringBuilder select = new StringBuilder("select * from unnest(");
        for (int i = 0; i < types.length; i++) {
            select.append(i == 0 ? "$" : ", $").append(first + i).append("::").append(types[i]).append("[]");
        }
        return select.append(')').toString();
    }

    /** The messages as one array per column, in {@link #COLUMNS} order. */
    public static List<Object> arrays(List<OutboxMessage> messages) {
        int size = messages.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] types = new String[size];
        String[] subjects = new String[size];
        UUID[] users = new UUID[size];
        OffsetDateTime[] times = new OffsetDateTime[size];
        String[] payloads = new String[size];
        String[] traceParents = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage message = messages.get(i);
            ids[i] = message.eventId();
            topics[i] = message.topic();
            types[i] = message.type();
            subjects[i] = message.subject();
            users[i] = message.userId();
            times[i] = message.occurredAt().atOffset(ZoneOffset.UTC);
            payloads[i] = message.payload();
            traceParents[i] = message.traceParent();
        }
        return List.of(ids, topics, types, subjects, users, times, payloads, traceParents);
    }

    /** The parameters of one outbox row, in {@link #COLUMNS} order, to append to a statement's own. */
    public static List<Object> parameters(OutboxMessage message) {
        return Arrays.asList(message.eventId(), message.topic(), message.type(), message.subject(), message.userId(),
                message.occurredAt().atOffset(ZoneOffset.UTC), message.payload(), message.traceParent());
    }
}
