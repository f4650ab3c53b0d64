package dev.practicetracker.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the service's database as it starts, one replica at a time. Flyway locks the schema
 * history while it applies scripts, but decides before that lock whether a database without a
 * history is empty or one to baseline: a replica that looks while another is creating the schema
 * finds tables and no history, and baselines a database that is being migrated (Flyway refuses, and
 * the replica exits). Here the whole migration runs under a PostgreSQL advisory lock of its own,
 * held on a connection of its own, so the second replica starts to look only once the first has
 * finished and finds a database that is up to date.
 *
 * <p>It runs before everything else that starts with the application (the messaging channels, the
 * outbox relay), as Quarkus' own migrate-at-start would; {@code quarkus.flyway.migrate-at-start} is
 * off so that Flyway does not run a second, unguarded time.
 */
@ApplicationScoped
public class SchemaMigration {

    /** The advisory lock's key in the service's database: any value no other lock of ours or Flyway's uses. */
    static final long LOCK = 0x5054_5363_6865_6D61L;

    private final Flyway flyway;

    SchemaMigration(Flyway flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        migrateAlone(flyway);
    }

    /** Runs {@code flyway}'s migrate while no other process migrates its database in the same way. */
    public static MigrateResult migrateAlone(Flyway flyway) {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            // a session lock: it outlives the connection's transactions and is released by the unlock or the session's end
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            try {
                return flyway.migrate();
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the schema migration's lock", e);
        }
    }
}
