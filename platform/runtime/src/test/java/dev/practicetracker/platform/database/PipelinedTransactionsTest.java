package dev.practicetracker.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.platform.database.Transactions;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The transactions every consumer and the outbox relay run in: BEGIN goes out with the first statements. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class PipelinedTransactionsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    private final String mark = UUID.randomUUID().toString();

    @BeforeEach
    void table() {
        TestDatabase.execute("create table if not exists pipelined_transactions_test (mark text not null)");
    }

    @Test
    void theStatementsSentBehindBeginRunInOneTransaction() {
        List<Long> transactions = Transactions.pipelined(pool, connection -> Uni.join().all(
                transactionId(connection), transactionId(connection), transactionId(connection)).andFailFast())
                .await().atMost(WAIT);

        // outside a transaction each statement would be one of its own
        assertThat(transactions).hasSize(3).containsOnly(transactions.get(0));
    }

    @Test
    void whatTheWorkWroteIsCommittedWhenItSucceeds() {
        Transactions.pipelined(pool, connection -> insert(connection)).await().atMost(WAIT);

        assertThat(TestDatabase.count("select count(*) from pipelined_transactions_test where mark = ?", mark)).isEqualTo(1);
    }

    @Test
    void nothingTheWorkWroteIsKeptWhenItFails() {
        Uni<Void> failsAfterWriting = Transactions.pipelined(pool, connection -> insert(connection)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the work failed after writing"))));

        assertThatThrownBy(() -> failsAfterWriting.await().atMost(WAIT)).hasMessageContaining("the work failed after writing");
        assertThat(TestDatabase.count("select count(*) from pipelined_transactions_test where mark = ?", mark)).isZero();
    }

    @Test
    void nothingTheWorkWroteIsKeptWhenALaterStatementFails() {
        Uni<Object> failingStatement = Transactions.pipelined(pool, connection -> Uni.join()
                .all(insert(connection), connection.query("select 1 / 0").execute().replaceWithVoid()).andFailFast()
                .replaceWith(new Object()));

        assertThatThrownBy(() -> failingStatement.await().atMost(WAIT)).hasMessageContaining("division by zero");
        assertThat(TestDatabase.count("select count(*) from pipelined_transactions_test where mark = ?", mark)).isZero();
        // and the connection went back to the pool usable: the next transaction on it works
        assertThat(Transactions.pipelined(pool, PipelinedTransactionsTest::transactionId).await().atMost(WAIT)).isPositive();
    }

    private Uni<Void> insert(SqlConnection connection) {
        return connection.preparedQuery("insert into pipelined_transactions_test (mark) values ($1)").execute(Tuple.of(mark))
                .replaceWithVoid();
    }

    private static Uni<Long> transactionId(SqlConnection connection) {
        return connection.query("select txid_current()").execute().map(rows -> rows.iterator().next().getLong(0));
    }
}
