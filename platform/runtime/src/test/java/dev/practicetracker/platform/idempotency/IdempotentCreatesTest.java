package dev.practicetracker.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Creates with an {@code Idempotency-Key}, with the SQL client: a retry replays, it never creates twice. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class IdempotentCreatesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdempotentCreates creates;

    @Inject
    Pool pool;

    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void table() {
        TestDatabase.execute("create table if not exists idempotent_creates_test (id uuid primary key, user_id uuid not null, name text)");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("name", "scales");

        IdempotentCreates.Answer first = creates.create(user, key, request, insert("scales")).await().atMost(WAIT);
        IdempotentCreates.Answer retry = creates.create(user, key, request, insert("scales")).await().atMost(WAIT);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.body()).as("the first answer's JSON").isEqualTo("{\"name\":\"scales\"}");
        assertThat(rowsOfUser()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        creates.create(user, key, Map.of("name", "scales"), insert("scales")).await().atMost(WAIT);

        assertThatThrownBy(() -> creates.create(user, key, Map.of("name", "arpeggios"), insert("arpeggios")).await().atMost(WAIT))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.problem().status()).isEqualTo(422));
        assertThat(rowsOfUser()).isEqualTo(1);
    }

    @Test
    void twoConcurrentRetriesCreateOnceAndBothGetTheAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("name", "scales");

        List<IdempotentCreates.Answer> answers = Uni.join().all(
                creates.create(user, key, request, insert("scales")), creates.create(user, key, request, insert("scales")))
                .andCollectFailures().await().atMost(WAIT);

        assertThat(answers).extracting(IdempotentCreates.Answer::location).containsOnly(answers.get(0).location());
        assertThat(rowsOfUser()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachRequestCreates() {
        Map<String, String> request = Map.of("name", "scales");

        creates.create(user, null, request, insert("scales")).await().atMost(WAIT);
        creates.create(user, null, request, insert("scales")).await().atMost(WAIT);

        assertThat(rowsOfUser()).isEqualTo(2);
    }

    @Test
    void aForgottenUsersKeyCreatesAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("name", "scales");
        creates.create(user, key, request, insert("scales")).await().atMost(WAIT);

        TestDatabase.execute("delete from idempotent_creates_test where user_id = ?", user);
        creates.forget(pool, user).await().atMost(WAIT);
        creates.create(user, key, request, insert("scales")).await().atMost(WAIT);

        assertThat(rowsOfUser()).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from idempotency_keys where user_id = ?", user)).isEqualTo(1);
    }

    /** A create of one row, in the transaction it is given (a single statement without a key). */
    private Function<SqlClient, Uni<IdempotentCreates.Created>> insert(String name) {
        UUID id = UUID.randomUUID();
        return client -> client.preparedQuery("insert into idempotent_creates_test (id, user_id, name) values ($1, $2, $3)")
                .execute(Tuple.of(id, user, name))
                .replaceWith(new IdempotentCreates.Created("/things/" + id, 1, Map.of("name", name)));
    }

    private long rowsOfUser() {
        return TestDatabase.count("select count(*) from idempotent_creates_test where user_id = ?", user);
    }
}
