package dev.practicetracker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import dev.practicetracker.postgres.EmbeddedPostgresServer;
import dev.practicetracker.postgres.EmbeddedPostgresServer.Durability;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Databases as the service's earlier migration scripts left them, for the schema-upgrade check: the
 * scripts come from {@code db/previous-release.zip} on the test class path, exactly as released, and
 * run with Flyway's defaults as they did then. The service under test starts on {@link #PREVIOUS},
 * migrated to the last of them; {@link #PARTIAL} stops one script short; {@link #FRESH} is empty.
 */
public class PreviousReleaseDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String PREVIOUS = "previous";
    public static final String PARTIAL = "partial";
    public static final String FRESH = "fresh";
    static final String SCRIPTS = "db/previous-release.zip";

    private static volatile EmbeddedPostgresServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = EmbeddedPostgresServer.start(Path.of("target", "embedded-postgres-previous-release"), 0, true, true,
                    Durability.LOST_ON_CRASH);
            Path scripts = unpackScripts();
            for (String database : new String[] { PREVIOUS, PARTIAL, FRESH }) {
                server.createDatabaseIfMissing(database);
            }
            Flyway previous = previousScripts(scripts, PREVIOUS).load();
            previous.migrate();
            MigrationVersion last = previous.info().current().getVersion();
            previousScripts(scripts, PARTIAL).target(String.valueOf(Integer.parseInt(last.getVersion()) - 1)).load().migrate();
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the databases of the previous release", e);
        }
        return PostgresResource.datasource(server, PREVIOUS);
    }

    public static String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    @Override
    public void stop() {
        PostgresResource.close(server);
    }

    private static FluentConfiguration previousScripts(Path scripts, String database) {
        return Flyway.configure().dataSource(server.jdbcUrl(database), EmbeddedPostgresServer.USER, "")
                .locations("filesystem:" + scripts);
    }

    private static Path unpackScripts() throws IOException {
        Path directory = Files.createTempDirectory("previous-release");
        try (InputStream zip = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPTS)) {
            if (zip == null) {
                throw new IllegalStateException(SCRIPTS + " is not on the test class path");
            }
            try (ZipInputStream entries = new ZipInputStream(zip)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Files.copy(entries, directory.resolve(Path.of(entry.getName()).getFileName()));
                }
            }
        }
        return directory;
    }
}
