package dev.practicetracker.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.practicetracker.postgres.EmbeddedPostgresServer.Durability;

class EmbeddedPostgresServerTest {

    private static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    @TempDir
    Path data;

    @Test
    void aDurableServerFlushesEveryCommitToDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true, false, Durability.DURABLE)) {
            assertThat(settings(server)).containsExactly("on", "on", "on");
        }
    }

    @Test
    void aServerForTestsThatNeverCrashItAcknowledgesCommitsBeforeTheDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true, false, Durability.LOST_ON_CRASH)) {
            assertThat(settings(server)).containsExactly("off", "off", "off");
        }
    }

    @Test
    void aCrashKillsEveryProcessAndTheRestartedServerHasEveryCommittedRow() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, true, false, Durability.DURABLE);
        int port = server.port();
        execute(server, "create table acknowledged (id int primary key)");
        for (int id = 1; id <= 200; id++) {
            execute(server, "insert into acknowledged values (" + id + ")");
        }
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        List<ProcessHandle> processes = new ArrayList<>(ProcessHandle.of(postmaster).orElseThrow().descendants().toList());

        int killed = server.crash();

        assertThat(killed).as("the postmaster and its background processes (checkpointer, writers, launcher…)").isGreaterThan(3);
        assertThat(ProcessHandle.of(postmaster)).isEmpty();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, port, false, false, Durability.DURABLE)) {
            assertThat(count(restarted, "select count(*) from acknowledged")).isEqualTo(200);
        }
    }

    private static List<String> settings(EmbeddedPostgresServer server) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String setting : DURABILITY_SETTINGS) {
                try (ResultSet result = statement.executeQuery("show " + setting)) {
                    result.next();
                    values.add(result.getString(1));
                }
            }
        }
        return values;
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
    }
}
