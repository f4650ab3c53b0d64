package dev.practicetracker.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import dev.practicetracker.postgres.EmbeddedPostgresServer;
import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PostgresResource;
import dev.practicetracker.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Replicas starting at once on an empty database: one migrates it, the others find it migrated. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class SchemaMigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Flyway flyway;

    @Test
    void theServiceMigratedItsOwnDatabaseAsItStarted() {
        assertThat(TestDatabase.count("select count(*) from schema_history where success")).isPositive();
        assertThat(TestDatabase.count("select count(*) from information_schema.tables where table_name = 'outbox'")).isEqualTo(1);
    }

    @Test
    void aReplicaLooksAtTheSchemaOnlyOnceTheReplicaMigratingItHasFinished() throws Exception {
        String database = PostgresResource.newDatabase("migration");
        try (Connection other = DriverManager.getConnection(PostgresResource.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
                Statement otherReplica = other.createStatement()) {
            otherReplica.execute("select pg_advisory_lock(" + SchemaMigration.LOCK + ")");

            CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(() -> SchemaMigration.migrateAlone(replicaOn(database)));

            await().atMost(WAIT).until(() -> waitingForAnAdvisoryLock(database) == 1);
            assertThat(migrating).isNotDone();
            assertThat(tables(database)).as("not even Flyway's history is created while the other replica migrates").isZero();

            otherReplica.execute("select pg_advisory_unlock(" + SchemaMigration.LOCK + ")");
            assertThat(migrating.get(WAIT.toSeconds(), TimeUnit.SECONDS).success).isTrue();
        }
        assertThat(TestDatabase.count("select count(*) from pg_locks l join pg_database d on d.oid = l.database "
                + "where l.locktype = 'advisory' and d.datname = ?", database)).as("the lock released").isZero();
        assertThat(tables(database)).isPositive();
    }

    @Test
    void replicasStartingTogetherOnAnEmptyDatabaseAllStartAndEachScriptRunsOnce() throws Exception {
        String database = PostgresResource.newDatabase("replicas");
        int replicas = 4;
        ExecutorService starting = Executors.newFixedThreadPool(replicas);
        List<Future<MigrateResult>> migrations = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                migrations.add(starting.submit(() -> SchemaMigration.migrateAlone(replicaOn(database))));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<MigrateResult> migration : migrations) {
                MigrateResult result = migration.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(result.success).isTrue();
                applied.add(result.migrationsExecuted);
            }

            assertThat(applied).as("one replica applies the scripts, the others find nothing to do")
                    .filteredOn(count -> count > 0).hasSize(1);
            try (Connection connection = DriverManager.getConnection(PostgresResource.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
                    var rows = connection.createStatement().executeQuery(
                            "select count(*), count(distinct script), bool_and(success) from schema_history")) {
                rows.next();
                assertThat(rows.getLong(1)).as("each script recorded once").isEqualTo(rows.getLong(2))
                        .isEqualTo(applied.stream().mapToLong(Integer::longValue).sum());
                assertThat(rows.getBoolean(3)).isTrue();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private Flyway replicaOn(String database) {
        return Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(PostgresResource.jdbcUrl(database), EmbeddedPostgresServer.USER, "").load();
    }

    private static long waitingForAnAdvisoryLock(String database) {
        return TestDatabase.count("select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock' "
                + "and wait_event = 'advisory'", database);
    }

    /** The tables in the database's public schema. */
    private static long tables(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresResource.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
                var rows = connection.createStatement().executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
