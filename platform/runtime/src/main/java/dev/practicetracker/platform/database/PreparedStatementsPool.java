package dev.practicetracker.platform.database;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * Every service's PostgreSQL pool keeps its connections' prepared statements, long ones included.
 * <p>
 * Quarkus turns the client's statement cache on, but the client caches no statement longer than
 * 2 048 characters, and the projection's recomputes are ~3 000. A statement it does not cache is
 * prepared on every run: PostgreSQL parses and plans it again (1.5-4 ms for the skill recompute on
 * an idle stack, against ~0.3 ms to run it), and the client sends nothing else on that connection
 * until the preparation is answered, so the statements queued behind it wait too. The pool is built
 * here with a limit above any statement of this code base; everything else is Quarkus's
 * configuration, and PostgreSQL's own plan cache decides, as for every other statement, when a
 * generic plan is good enough.
 */
@Singleton
public class PreparedStatementsPool implements PgPoolCreator {

    /** Longer than any statement here (the longest, the skill recompute, is ~3 000 characters). */
    static final int STATEMENT_LENGTH_LIMIT = 16_384;

    private volatile PgConnectOptions database;

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> databases = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            databases.add(options.setPreparedStatementCacheSqlLimit(STATEMENT_LENGTH_LIMIT));
        }
        database = new PgConnectOptions(input.pgConnectOptionsList().get(0));
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(databases).using(input.vertx()).build();
    }

    /**
     * How the pool connects (its first database, as Quarkus configured it: address, credentials, TLS),
     * for a connection of the service's own beside the pool. Known once the pool exists (Quarkus creates
     * it when it is first used).
     */
    public PgConnectOptions connectOptions() {
        PgConnectOptions options = database;
        if (options == null) {
            throw new IllegalStateException("the pool has not been created yet");
        }
        return new PgConnectOptions(options);
    }
}
