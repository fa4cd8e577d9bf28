package io.aitrader.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V15 (hourly sessions, contract 13) on a store that already holds results: on SQLite it rebuilds
 * job_details, trading_days and trading_days' four child tables, so every row, reference, cascade and trigger must
 * survive it; on PostgreSQL (when TEST_DATABASE_URL is set) it swaps the unique constraints in place.
 */
class SessionsMigrationTest {

    private static final String SCHEMA = "sessions_migration_test";

    @TempDir
    Path dir;

    @Test
    void sqliteKeepsEveryRowReferenceCascadeAndTriggerAcrossTheRebuild() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("jobs.db") + "?foreign_keys=true";
        migrate(Flyway.configure().dataSource(url, null, null), "db/migration/sqlite", "14");
        try (Connection c = DriverManager.getConnection(url)) {
            seed(c);
        }
        migrate(Flyway.configure().dataSource(url, null, null), "db/migration/sqlite", null);
        try (Connection c = DriverManager.getConnection(url)) {
            assertSessions(c);
        }
    }

    @Test
    void postgresqlSwapsTheUniqueConstraints() throws Exception {
        String configured = System.getenv("TEST_DATABASE_URL");
        if (configured == null || configured.isBlank()) {
            return; // without TEST_DATABASE_URL there is no PostgreSQL to migrate; CI always sets it
        }
        URI uri = URI.create(configured);
        String[] user = uri.getUserInfo().split(":", 2);
        String url = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        try (Connection c = DriverManager.getConnection(url, user[0], user[1]); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        try {
            var config = Flyway.configure().dataSource(url, user[0], user[1]).schemas(SCHEMA).createSchemas(true);
            migrate(config, "db/migration/postgresql", "14");
            try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + SCHEMA, user[0], user[1])) {
                seed(c);
            }
            migrate(Flyway.configure().dataSource(url, user[0], user[1]).schemas(SCHEMA), "db/migration/postgresql",
                    null);
            try (Connection c = DriverManager.getConnection(url + "?currentSchema=" + SCHEMA, user[0], user[1])) {
                assertSessions(c);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user[0], user[1]);
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration config, String dialect,
            String target) {
        config.locations("classpath:" + dialect, "classpath:db/migration/common");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    /** One job with two daily results (and their holdings, trades, messages, tool usage), as V14 stored them. */
    private static void seed(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, "
                    + "work_key, created_at, updated_at) VALUES ('j1', 'completed', 'c.json', '{}', '[]', '[]', 'k', "
                    + "'t', 't')");
            for (int d = 1; d <= 2; d++) {
                String date = "'2025-03-0" + (3 + d) + "'";
                st.executeUpdate("INSERT INTO job_details (id, job_id, model, date, status) VALUES (" + d
                        + ", 'j1', 'm', " + date + ", 'completed')");
                st.executeUpdate("INSERT INTO trading_days (id, job_id, model, date, cash, starting_value, "
                        + "ending_value, previous_value, profit, return_pct, total_steps, stop_signal, created_at) "
                        + "VALUES (" + d + ", 'j1', 'm', " + date + ", 100, 100, 101, 100, 1, 1, 2, 1, 't')");
                st.executeUpdate("INSERT INTO holdings (trading_day_id, symbol, shares) VALUES (" + d + ", 'AAPL', "
                        + (10 * d) + ")");
                st.executeUpdate("INSERT INTO actions (trading_day_id, seq, action, symbol, amount, price, total, "
                        + "fill_price) VALUES (" + d + ", 1, 'buy', 'AAPL', 10, 1.5, 15, 1.5)");
                st.executeUpdate("INSERT INTO reasoning_logs (trading_day_id, seq, role, content, timestamp) VALUES ("
                        + d + ", 1, 'system', 'prompt', 't')");
                st.executeUpdate("INSERT INTO tool_usage (trading_day_id, tool_name, calls) VALUES (" + d
                        + ", 'buy', 1)");
            }
        }
    }

    private static void assertSessions(Connection c) throws SQLException {
        assertEquals(2, count(c, "job_details WHERE session = ''"));
        assertEquals(2, count(c, "trading_days WHERE session = ''"));
        assertEquals(30, count(c, "holdings", "SUM(shares)"));
        assertEquals(2, count(c, "actions"));
        assertEquals(2, count(c, "reasoning_logs"));
        assertEquals(2, count(c, "tool_usage"));
        long version = count(c, "result_versions", "SUM(version)");
        try (Statement st = c.createStatement()) {
            // two sessions of one date are two rows; the same session twice is refused
            st.executeUpdate("INSERT INTO trading_days (id, job_id, model, date, session, cash, starting_value, "
                    + "ending_value, previous_value, profit, return_pct, total_steps, stop_signal, created_at) VALUES "
                    + "(3, 'j1', 'm', '2025-03-06', '10:00', 1, 1, 1, 1, 0, 0, 1, 1, 't')");
            st.executeUpdate("INSERT INTO trading_days (id, job_id, model, date, session, cash, starting_value, "
                    + "ending_value, previous_value, profit, return_pct, total_steps, stop_signal, created_at) VALUES "
                    + "(4, 'j1', 'm', '2025-03-06', '11:00', 1, 1, 1, 1, 0, 0, 1, 1, 't')");
            assertThrows(SQLException.class, () -> st.executeUpdate("INSERT INTO trading_days (id, job_id, model, "
                    + "date, session, cash, starting_value, ending_value, previous_value, profit, return_pct, "
                    + "total_steps, stop_signal, created_at) VALUES (5, 'j1', 'm', '2025-03-06', '11:00', 1, 1, 1, "
                    + "1, 0, 0, 1, 1, 't')"));
            st.executeUpdate("INSERT INTO job_details (id, job_id, model, date, session, status) VALUES "
                    + "(3, 'j1', 'm', '2025-03-06', '10:00', 'pending')");
            assertThrows(SQLException.class, () -> st.executeUpdate("INSERT INTO job_details (id, job_id, model, "
                    + "date, session, status) VALUES (4, 'j1', 'm', '2025-03-06', '10:00', 'pending')"));
            assertEquals(version + 2, count(c, "result_versions", "SUM(version)"), "the version triggers still run");
            st.executeUpdate("DELETE FROM trading_days WHERE id = 1");
        }
        assertEquals(0, count(c, "holdings WHERE trading_day_id = 1"), "deleting a day still cascades");
        assertEquals(1, count(c, "reasoning_logs"));
        assertEquals(1, count(c, "tool_usage"));
        assertEquals(1, count(c, "actions"));
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM jobs WHERE job_id = 'j1'");
        }
        assertEquals(0, count(c, "trading_days") + count(c, "job_details") + count(c, "holdings"),
                "deleting the job still cascades to its rows");
    }

    private static long count(Connection c, String from) throws SQLException {
        return count(c, from, "COUNT(*)");
    }

    private static long count(Connection c, String from, String what) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT " + what + " FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
