package dev.practicetracker.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central: no Docker, no install. It runs
 * as root too (zonky wraps initdb and pg_ctl in {@code unshare -U}). Used by the tests and the
 * local stack alike.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; an existing cluster there is reused unless {@code fresh}
     * @param port 0 for any free port
     * @param stopWithJvm whether a JVM shutdown hook stops it (a launcher that orders its own shutdown says no)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean fresh, boolean stopWithJvm) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(stopWithJvm)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(fresh)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database \"" + database.replace("\"", "") + "\"");
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
