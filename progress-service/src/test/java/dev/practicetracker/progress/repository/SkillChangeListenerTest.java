package dev.practicetracker.progress.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A held skill is read again as soon as any of its rows changes, whoever changed it: these changes
 * are written with plain SQL, as another replica's consumer (or an operator) would write them, so
 * only PostgreSQL's notification can tell this replica.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class SkillChangeListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    SkillProgressCache cache;
    @Inject
    SkillChangeListener listener;

    private final UUID user = UUID.randomUUID();
    private final UUID skill = UUID.randomUUID();

    @BeforeEach
    void aHeldSkill() {
        await().atMost(WAIT).until(cache::holding);
        sql("insert into skills (id, user_id, name, version, milestone_ids) values ($1, $2, 'Juggling', 1, '{m1}')", skill, user);
        sql("insert into skill_progress (skill_id, user_id, total_sessions, total_minutes, first_practiced_at, last_practiced_at,"
                + " day_dates, day_sessions, day_minutes, as_of, updated_at)"
                + " values ($1, $2, 3, 90, now(), now(), array[current_date], '{3}', '{90}', now(), now())", skill, user);
        assertThat(progress().getString("skill_name")).isEqualTo("Juggling");
        assertThat(cache.size()).as("the skill is held").isPositive();
    }

    @Test
    void aRenamedSkillIsReadAgain() {
        sql("update skills set name = 'Knife juggling', version = 2 where id = $1", skill);

        awaitProgress("skill_name", "Knife juggling");
    }

    @Test
    void newFiguresAreReadAgain() {
        sql("update skill_progress set total_sessions = 4, total_minutes = 120 where skill_id = $1", skill);

        awaitProgress("total_minutes", "120");
    }

    @Test
    void aCompletedMilestoneIsReadAgain() {
        sql("insert into milestone_status (skill_id, milestone_id, user_id, status, version) values ($1, 'm1', $2, 'completed', 1)", skill,
                user);

        awaitProgress("milestones_completed", "1");
    }

    @Test
    void aChangeMadeWhileTheListenerWasDisconnectedIsNotMissed() {
        int before = listener.backendPid();
        sql("select pg_terminate_backend($1)", before);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> !cache.holding());
        // no one hears this one
        sql("update skills set name = 'Changed unheard', version = 2 where id = $1", skill);
        await().atMost(WAIT).until(() -> cache.holding() && listener.backendPid() != before);

        assertThat(progress().getString("skill_name")).isEqualTo("Changed unheard");
        // and the new connection hears the next change
        sql("update skills set name = 'Heard again', version = 3 where id = $1", skill);
        awaitProgress("skill_name", "Heard again");
    }

    private JsonPath progress() {
        return given().auth().oauth2(TestTokens.forUser(user)).get("/progress/skills/" + skill)
                .then().statusCode(200).extract().jsonPath();
    }

    private void awaitProgress(String field, String expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().getString(field)).isEqualTo(expected));
    }

    private void sql(String statement, Object... parameters) {
        pool.preparedQuery(statement).execute(Tuple.from(parameters)).await().atMost(WAIT);
    }
}
