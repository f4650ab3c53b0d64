package dev.practicetracker.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.practicetracker.postgres.EmbeddedPostgresServer;

/**
 * What a database's schema is, as sorted lines of text (tables and their columns in order, constraints,
 * indexes, triggers, functions, views), so two databases can be compared with one assertion. Flyway's
 * history tables are left out: how a schema came about is not part of it.
 */
public final class SchemaCatalog {

    private static final String NOT_HISTORY = " not in ('schema_history', 'flyway_schema_history')";
    private static final String[] QUERIES = {
            "select 'column ' || table_name || '.' || ordinal_position || ' ' || column_name || ' ' || udt_name || ' nullable='"
                    + " || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || coalesce(identity_generation, '-')"
                    + " from information_schema.columns where table_schema = 'public' and table_name" + NOT_HISTORY,
            "select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text" + NOT_HISTORY,
            "select 'index ' || indexdef from pg_indexes where schemaname = 'public' and tablename" + NOT_HISTORY,
            "select 'trigger ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal",
            "select 'function ' || pg_get_functiondef(oid) from pg_proc where pronamespace = 'public'::regnamespace",
            "select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public'",
    };

    private SchemaCatalog() {
    }

    public static List<String> of(String jdbcUrl) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        return lines.stream().sorted().toList();
    }

    /** The names of the tables in the public schema. */
    public static List<String> tables(String jdbcUrl) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
