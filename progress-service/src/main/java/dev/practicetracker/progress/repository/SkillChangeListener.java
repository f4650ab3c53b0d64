package dev.practicetracker.progress.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.practicetracker.platform.database.PreparedStatementsPool;
import dev.practicetracker.platform.observability.FailureStreak;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Holds one connection to the service's database that {@code LISTEN}s for the skills whose rows
 * changed (migration V8's triggers) and tells {@link SkillProgressCache}. A lost connection makes the
 * cache stop holding anything until a new one listens again; a connection that stops answering (a
 * database gone without closing its sockets) is closed by a heartbeat, so the same happens.
 */
@ApplicationScoped
public class SkillChangeListener {

    static final String CHANNEL = "skills_changed";
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final SkillProgressCache cache;
    private final Vertx vertx;
    private final io.vertx.sqlclient.Pool pool;
    private final PreparedStatementsPool pools;
    private volatile PgConnectOptions database;
    private volatile PgConnection connection;
    private long heartbeat = -1;
    private volatile boolean stopped;
    /** One warning per outage. */
    private final FailureStreak failures = new FailureStreak(SkillChangeListener.class);

    public SkillChangeListener(SkillProgressCache cache, Vertx vertx, io.vertx.sqlclient.Pool pool, PreparedStatementsPool pools) {
        this.cache = cache;
        this.vertx = vertx;
        this.pool = pool;
        this.pools = pools;
    }

    void start(@Observes StartupEvent event) {
        // the pool is created when first used; from then on, how it connects is known, and this connects alike
        pool.size();
        database = pools.connectOptions();
        heartbeat = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> checkConnection());
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(heartbeat);
        PgConnection current = connection;
        if (current != null) {
            current.closeAndForget();
        }
    }

    /** The backend process of the listening connection, or -1 while there is none (for tests). */
    int backendPid() {
        PgConnection current = connection;
        return current == null ? -1 : current.processId();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, database)
                .call(opened -> {
                    opened.notificationHandler(notification -> cache.changed(notification.getPayload()));
                    opened.closeHandler(() -> lost(opened));
                    connection = opened;
                    return opened.query("LISTEN " + CHANNEL).execute();
                })
                .subscribe().with(listening -> {
                    // unless it was lost as it began to listen (both run on the connection's event loop)
                    if (connection == listening) {
                        cache.startedListening();
                        failures.succeeded("listening for changed skills again");
                    }
                }, failure -> {
                    failures.failed("cannot listen for changed skills, skills are read from the database meanwhile; retrying every "
                            + RECONNECT_DELAY.toMillis() + " ms", "still cannot listen for changed skills", failure);
                    PgConnection opened = connection;
                    if (opened != null) {
                        opened.closeAndForget();
                    } else {
                        vertx.setTimer(RECONNECT_DELAY.toMillis(), id -> connect());
                    }
                });
    }

    private void lost(PgConnection closed) {
        if (connection == closed) {
            connection = null;
            cache.stoppedListening();
            if (!stopped) {
                Log.warn("lost the connection listening for changed skills; reading skills from the database until it is back");
                vertx.setTimer(RECONNECT_DELAY.toMillis(), id -> connect());
            }
        }
    }

    /** A connection that does not answer within a heartbeat is closed, which {@link #lost} handles. */
    private void checkConnection() {
        PgConnection current = connection;
        if (current != null) {
            current.query("select 1").execute()
                    .ifNoItem().after(HEARTBEAT).fail()
                    .subscribe().with(answered -> { }, failure -> current.closeAndForget());
        }
    }
}
