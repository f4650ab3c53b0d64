package dev.practicetracker.progress.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A user's erasure finds their log facts through an index on the user: it must not read every user's
 * facts (a million rows after a year of use) to forget one. The planner is told to avoid sequential
 * scans, so a plan that still reads {@code log_facts} sequentially, or walks one of its indexes
 * filtering by user, has no index it can look the user up in.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ErasureReadsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = { ErasureRepository.FORGET_USER_FACTS, ErasureRepository.FORGET_USER_FIGURES,
            ErasureRepository.DAYS_OF_USER })
    void anErasureReadsTheUsersFactsThroughAnIndex(String statement) {
        UUID user = UUID.randomUUID();
        Tuple parameters = statement.contains("$2") ? Tuple.of(user, OffsetDateTime.now(ZoneOffset.UTC)) : Tuple.of(user);

        List<String> indexes = lines(pool.query("select indexname from pg_indexes where tablename = 'log_facts'").execute()
                .await().atMost(WAIT));
        List<String> plan = lines(pool.withTransaction(connection -> connection.query("set local enable_seqscan = off").execute()
                .chain(() -> connection.preparedQuery("explain " + statement).execute(parameters)))
                .await().atMost(WAIT));

        assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Seq Scan on log_facts"));
        assertThat(userLookups(plan, indexes)).as("index lookups of log_facts by user in\n" + String.join("\n", plan)).isPositive();
    }

    /** How many nodes of the plan look one of these indexes up by {@code user_id} (the node, then its condition). */
    private static long userLookups(List<String> plan, List<String> indexes) {
        long lookups = 0;
        for (int i = 0; i + 1 < plan.size(); i++) {
            String node = plan.get(i);
            if (indexes.stream().anyMatch(index -> node.contains(" " + index + " ")) && plan.get(i + 1).contains("Index Cond: (user_id = ")) {
                lookups++;
            }
        }
        return lookups;
    }

    private static List<String> lines(RowSet<Row> rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0)).toList();
    }
}
