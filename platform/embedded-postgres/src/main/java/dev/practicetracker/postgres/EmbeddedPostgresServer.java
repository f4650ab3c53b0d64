package dev.practicetracker.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central: no Docker, no install. It runs
 * as root too (zonky wraps initdb and pg_ctl in {@code unshare -U}). The local stack, the system
 * tests and the service tests start it, each with the {@link Durability} it promises.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Duration CRASH_TIMEOUT = Duration.ofSeconds(10);

    /** What a committed transaction survives. */
    public enum Durability {
        /**
         * A commit is on disk before it is acknowledged, and a torn page is repaired from the WAL: what
         * a 2xx promises. The local stack, the system tests and the bench run on this.
         */
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        /**
         * Commits are acknowledged before the WAL reaches the disk, which a crash of the server loses.
         * Only for tests that never crash the database (the services' own tests): their writes do not
         * wait for the disk.
         */
        LOST_ON_CRASH(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

        final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }
    }

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; an existing cluster there is reused unless {@code fresh}
     *        (the directory outlives the server: a {@link #crash} leaves it for a restart)
     * @param port 0 for any free port
     * @param stopWithJvm whether a JVM shutdown hook stops it (a launcher that orders its own shutdown says no)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean fresh, boolean stopWithJvm, Durability durability)
            throws IOException {
        if (fresh) {
            deleteRecursively(dataDirectory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(stopWithJvm)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
        // zonky passes -F (fsync off) before these settings, and the last setting of a name wins
        durability.settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(dataDirectory, builder.start());
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

    /**
     * Crashes the server as a power cut or an OOM kill of the whole cluster would: every postgres
     * process (the postmaster and all its children at once) gets SIGKILL, nothing is flushed or
     * shut down. The data directory stays as the crash left it, for a {@link #start} on it, which
     * recovers from the WAL. Returns how many processes were killed.
     */
    public int crash() throws IOException, InterruptedException {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("the postmaster of " + dataDirectory + " is not running"));
        List<ProcessHandle> processes = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(CRASH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("postgres processes still alive " + CRASH_TIMEOUT.toSeconds() + " s after SIGKILL", e);
        }
        // releases zonky's lock on the data directory; its "pg_ctl stop" finds no server and says so
        postgres.close();
        return processes.size();
    }

    /** The postmaster's process id, the first line of {@code postmaster.pid} in the data directory. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
