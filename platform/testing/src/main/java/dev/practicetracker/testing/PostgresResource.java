package dev.practicetracker.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.practicetracker.postgres.EmbeddedPostgresServer;
import dev.practicetracker.postgres.EmbeddedPostgresServer.Durability;

/** A real PostgreSQL for a service's {@code @QuarkusTest}s, data under {@code target/}, any free port. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "service";

    private static volatile EmbeddedPostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            // the services' tests never crash the database, so their commits need not wait for the disk
            server = EmbeddedPostgresServer.start(Path.of("target", "embedded-postgres"), 0, true, true, Durability.LOST_ON_CRASH);
            server.createDatabaseIfMissing(DATABASE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
        }
        return datasource(server, DATABASE);
    }

    /** The configuration that points a service at one database of the server. */
    static Map<String, String> datasource(EmbeddedPostgresServer server, String database) {
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "");
    }

    /** For tests that look at the database directly, e.g. to prove nothing was written. */
    public static String jdbcUrl() {
        return server.jdbcUrl(DATABASE);
    }

    /** A new, empty database on the same server, e.g. to migrate from scratch: its name. */
    public static String newDatabase(String prefix) {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try {
            server.createDatabaseIfMissing(database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
        return database;
    }

    /** Another database of the same server. */
    public static String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    @Override
    public void stop() {
        close(server);
    }

    static void close(EmbeddedPostgresServer server) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
