package dev.practicetracker.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every service's pool (PreparedStatementsPool): its connections keep their statements,
 * long ones too. Without it the client prepares a statement over 2 048 characters on every run.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class PreparedStatementsPoolTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void aLongStatementIsPreparedOnceAndKeptOnItsConnection() {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        // longer than the 2 048 characters the client caches by default, as progress-service's recomputes are
        String statement = "select $1::int + 1 as answer /* " + marker + " " + "x".repeat(3_000) + " */";

        Long kept = pool.withConnection(connection -> connection.preparedQuery(statement).execute(Tuple.of(1))
                .chain(() -> connection.preparedQuery(statement).execute(Tuple.of(2)))
                .chain(() -> connection.preparedQuery("select count(*) from pg_prepared_statements where statement like $1")
                        .execute(Tuple.of("%" + marker + "%")))
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(WAIT);

        assertThat(kept).as("one prepared statement on the connection, run twice").isEqualTo(1);
    }
}
