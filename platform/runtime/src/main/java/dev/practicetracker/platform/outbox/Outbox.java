package dev.practicetracker.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.practicetracker.platform.database.SessionWrites;
import dev.practicetracker.platform.database.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The transactional outbox (no dual writes): a service appends the events of a change inside the
 * transaction that makes the change, and {@link OutboxRelay} publishes them once it has committed —
 * at once, since a transaction run here wakes the relay after its commit. One API whichever way the
 * service writes:
 * <ul>
 * <li>with the reactive SQL client: {@link #inTransaction(Function)} and {@link #append(SqlClient, List)}
 * on its connection; a single statement that makes a change and appends its events
 * ({@link #statementWithEvents}, {@link #executeWithEvents}) needs no transaction of its own
 * ({@link #inStatement});</li>
 * <li>with Hibernate Reactive Panache: {@link #inTransaction(Supplier)} and {@link #append(List)} in
 * the current session (the service depends on {@code platform/panache}).</li>
 * </ul>
 * The outbox's columns are the platform's business: no service names them.
 */
@ApplicationScoped
public class Outbox {

    private static final String COLUMNS = "event_id, topic, type, subject, user_id, occurred_at, payload, traceparent";
    private static final String[] TYPES = { "uuid", "text", "text", "text", "uuid", "timestamptz", "text", "text" };
    private static final String INSERT = statementWithEvents("", 0, "");

    private final Pool pool;
    private final OutboxRelay relay;
    private final Instance<SessionWrites> session;
    /** The SQL transactions of {@link #inTransaction(Function)} that appended events, until they end. */
    private final Set<SqlClient> appended = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    public Outbox(Pool pool, OutboxRelay relay, Instance<SessionWrites> session) {
        this.pool = pool;
        this.relay = relay;
        this.session = session;
    }

    /** Runs a write in one transaction on a connection of the pool; the relay publishes what it appended once it commits. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> write) {
        AtomicReference<SqlConnection> used = new AtomicReference<>();
        return Transactions.pipelined(pool, connection -> {
            used.set(connection);
            return write.apply(connection);
        }).onTermination().invoke((result, failure, cancelled) -> {
            // committed, rolled back or given up, the transaction is over; only a commit has events to publish
            boolean appendedSome = used.get() != null && appended.remove(used.get());
            if (appendedSome && failure == null && !cancelled) {
                relay.wake();
            }
        });
    }

    /** Runs a write in one transaction of the current Hibernate Reactive session; then the relay publishes its events. */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> write) {
        return session().inTransaction(write).invoke(relay::wake);
    }

    /**
     * Runs a write that is one statement, so its own transaction: without BEGIN and COMMIT round trips
     * (the hot path). The relay publishes its events once it has run.
     */
    public <T> Uni<T> inStatement(Function<SqlClient, Uni<T>> write) {
        return write.apply(pool).invoke(relay::wake);
    }

    /** Adds events to the caller's SQL transaction, in one statement however many there are. */
    public Uni<Void> append(SqlClient transaction, List<OutboxMessage> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        markAppended(transaction);
        return transaction.preparedQuery(INSERT).execute(parameters(List.of(), events)).replaceWithVoid();
    }

    public Uni<Void> append(SqlClient transaction, OutboxMessage event) {
        return append(transaction, List.of(event));
    }

    /** Adds events to the current Hibernate Reactive transaction. */
    public Uni<Void> append(List<OutboxMessage> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem() : session().appendToOutbox(events);
    }

    public Uni<Void> append(OutboxMessage event) {
        return append(List.of(event));
    }

    /**
     * A statement that makes a change and appends its events in one, for {@link #executeWithEvents}:
     * {@code with <with> insert into outbox … <where>}. The change is data-modifying common table
     * expressions ({@code with}, without the keyword; empty for none) over parameters $1 to
     * $changeParameters; {@code where} (or empty) decides whether the events go in, e.g.
     * {@code where exists (select 1 from written)} for a change that may write nothing.
     */
    public static String statementWithEvents(String with, int changeParameters, String where) {
        StringBuilder sql = new StringBuilder(with.isEmpty() ? "" : "with " + with + " ");
        sql.append("insert into outbox (").append(COLUMNS).append(") select * from unnest(");
        for (int i = 0; i < TYPES.length; i++) {
            sql.append(i == 0 ? "$" : ", $").append(changeParameters + 1 + i).append("::").append(TYPES[i]).append("[]");
        }
        sql.append(')');
        return where.isEmpty() ? sql.toString() : sql.append(' ').append(where).toString();
    }

    /**
     * Runs a {@link #statementWithEvents} with the change's parameters and the events.
     *
     * @return its rows; their count is the number of events that went in
     */
    public Uni<RowSet<Row>> executeWithEvents(SqlClient client, String statement, List<Object> changeParameters,
            List<OutboxMessage> events) {
        markAppended(client);
        return client.preparedQuery(statement).execute(parameters(changeParameters, events));
    }

    /** A statement on the pool is its own transaction, woken for by {@link #inStatement}: only a connection is tracked. */
    private void markAppended(SqlClient client) {
        if (client != pool) {
            appended.add(client);
        }
    }

    private SessionWrites session() {
        if (!session.isResolvable()) {
            throw new IllegalStateException("writing through Hibernate Reactive needs the platform/panache module");
        }
        return session.get();
    }

    /** The change's parameters, then the events as one array per outbox column. */
    private static Tuple parameters(List<Object> change, List<OutboxMessage> events) {
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] types = new String[size];
        String[] subjects = new String[size];
        UUID[] users = new UUID[size];
        OffsetDateTime[] times = new OffsetDateTime[size];
        String[] payloads = new String[size];
        String[] traceParents = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage message = events.get(i);
            ids[i] = message.eventId();
            topics[i] = message.topic();
            types[i] = message.type();
            subjects[i] = message.subject();
            users[i] = message.userId();
            times[i] = message.occurredAt().atOffset(ZoneOffset.UTC);
            payloads[i] = message.payload();
            traceParents[i] = message.traceParent();
        }
        List<Object> all = new ArrayList<>(change);
        all.addAll(List.of(ids, topics, types, subjects, users, times, payloads, traceParents));
        return Tuple.tuple(all);
    }
}
