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
 * Without a prepared statement, the client prepares a statement before it runs it, and stops sending
 * anything on that connection until PostgreSQL has answered the preparation: statements sent together
 * (a consumer's days, skills and users, a relay's lock and batch) went one after the other, each two
 * round trips, each waiting for the JVM in between. Quarkus turns the cache on with
 * {@code cache-prepared-statements}, but the client caches no statement longer than 2 048 characters,
 * and the projection's longest are 3 000. So the pool is built here, with a limit above any statement
 * of this code base.
 * <p>
 * A cached statement would let PostgreSQL switch to a generic plan after five runs; the statements
 * over {@code unnest} arrays want a plan for the array at hand (one row or two thousand), so each run
 * is still planned with its parameters ({@code plan_cache_mode=force_custom_plan}), as before.
 */
@Singleton
public class PreparedStatementsPool implements PgPoolCreator {

    /** Longer than any statement here (the longest, the skill recompute, is ~3 000 characters). */
    static final int STATEMENT_LENGTH_LIMIT = 16_384;

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> databases = new ArrayList<>();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            databases.add(options.setCachePreparedStatements(true).setPreparedStatementCacheSqlLimit(STATEMENT_LENGTH_LIMIT)
                    .addProperty("plan_cache_mode", "force_custom_plan"));
        }
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(databases).using(input.vertx()).build();
    }
}
