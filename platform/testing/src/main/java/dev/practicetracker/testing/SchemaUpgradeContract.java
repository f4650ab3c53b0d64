package dev.practicetracker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import dev.practicetracker.postgres.EmbeddedPostgresServer;

/**
 * A service's database created by its earlier migration scripts upgrades to the schema a fresh
 * database gets, without a manual step. A service's {@code SchemaUpgradeTest} extends this as a
 * {@code @QuarkusTest} on {@link PreviousReleaseDatabase}: the service migrated that database as it
 * started; the same Flyway configuration then migrates a fresh one and one the earlier scripts left
 * unfinished.
 */
public abstract class SchemaUpgradeContract {

    @Inject
    Flyway flyway;

    @Test
    void aDatabaseOfThePreviousReleaseUpgradesToTheSchemaOfAFreshOne() throws Exception {
        migrate(PreviousReleaseDatabase.FRESH);

        String upgraded = PreviousReleaseDatabase.jdbcUrl(PreviousReleaseDatabase.PREVIOUS);
        assertThat(SchemaCatalog.of(upgraded)).isEqualTo(SchemaCatalog.of(PreviousReleaseDatabase.jdbcUrl(PreviousReleaseDatabase.FRESH)));
        assertThat(SchemaCatalog.tables(upgraded)).contains("schema_history", "outbox", "idempotency_keys", "erased_users")
                .doesNotContain("flyway_schema_history");
    }

    @Test
    void aDatabaseThePreviousScriptsLeftUnfinishedIsRefusedWithTheReason() {
        assertThatThrownBy(() -> migrate(PreviousReleaseDatabase.PARTIAL)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("start the previous release once to finish them");
    }

    private void migrate(String database) {
        Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(PreviousReleaseDatabase.jdbcUrl(database), EmbeddedPostgresServer.USER, "")
                .load().migrate();
    }
}
