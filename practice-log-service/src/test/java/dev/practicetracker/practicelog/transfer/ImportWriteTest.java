package dev.practicetracker.practicelog.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.practicelog.PracticeLog;
import dev.practicetracker.practicelog.event.SkillEvents;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** The write half of an import, against the race the API cannot stage: a skill deleted after the rows were validated. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class ImportWriteTest {

    @Inject
    PracticeLogImport importer;
    @Inject
    Pool pool;

    private final Caller caller = new Caller(UUID.randomUUID(), ZoneOffset.UTC);

    @Test
    void rowsOfASkillDeletedAfterValidationAreNotWrittenAndNameTheSkillAsNotFound() {
        UUID kept = SkillEvents.skillKnownToService(caller.userId());
        UUID deleted = SkillEvents.skillKnownToService(caller.userId());
        List<PracticeLog> valid = importer.validate(caller, List.of(row(kept), row(deleted))).await().indefinitely();
        TestDatabase.execute("update known_skills set deleted = true where id = ?", deleted);

        assertThatThrownBy(() -> importer.write(pool, caller, valid).await().indefinitely())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", caller.userId())).isZero();
        assertThat(TestDatabase.count("select count(*) from outbox where user_id = ?", caller.userId())).isZero();
    }

    @Test
    void rowsOfLiveSkillsAreWrittenWithOneEventEach() {
        UUID skill = SkillEvents.skillKnownToService(caller.userId());
        List<PracticeLog> valid = importer.validate(caller, List.of(row(skill), row(skill))).await().indefinitely();

        assertThat(importer.write(pool, caller, valid).await().indefinitely().imported()).isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from practice_logs where user_id = ?", caller.userId())).isEqualTo(2);
    }

    private static ImportRow row(UUID skill) {
        return new ImportRow(skill.toString(), null, "2026-11-01T10:00:00Z", "30", "Scales and arpeggios", "3", null, null, null, null);
    }
}
