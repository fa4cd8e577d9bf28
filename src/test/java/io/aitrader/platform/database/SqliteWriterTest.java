package io.aitrader.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's transactions through {@link Jdbc}: all on one writer connection with its own page cache, kept from one
 * transaction to the next; reads on other connections; a writer whose transaction the database refused is replaced;
 * a transaction inside a transaction is refused before it could commit the outer one half-done.
 */
class SqliteWriterTest {

    @TempDir
    Path dir;

    private DataSource dataSource;

    @BeforeEach
    void createTable() {
        dataSource = new FileDataSource("jdbc:sqlite:" + dir.resolve("w.db") + "?journal_mode=WAL");
        Jdbc.inTransaction(dataSource, "create", conn -> {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            }
            return null;
        });
    }

    @Test
    void transactionsShareOneWriterWithALargePageCacheAndReadsDoNot() {
        SQLiteConnection first = Jdbc.inTransaction(dataSource, "insert", conn -> {
            Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "a");
            return conn.unwrap(SQLiteConnection.class);
        });
        SQLiteConnection second = Jdbc.inTransaction(dataSource, "insert", conn -> {
            Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "b");
            return conn.unwrap(SQLiteConnection.class);
        });
        assertSame(first, second);
        long cache = Jdbc.inTransaction(dataSource, "cache", conn -> Jdbc.find(conn, "PRAGMA cache_size",
                rs -> rs.getLong(1)).orElseThrow());
        assertEquals(-SqliteWriter.CACHE_KB, cache);
        SQLiteConnection reader = Jdbc.withConnection(dataSource, "read", conn -> conn.unwrap(SQLiteConnection.class));
        assertNotSame(first, reader);
        assertEquals(2L, Jdbc.find(dataSource, "count", "SELECT COUNT(*) FROM t", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aRefusedTransactionRollsBackAndTheNextOneTakesAFreshWriter() throws SQLException {
        SQLiteConnection before = Jdbc.inTransaction(dataSource, "w", conn -> conn.unwrap(SQLiteConnection.class));
        StoreException refused = assertThrows(StoreException.class, () -> Jdbc.inTransaction(dataSource,
                "Could not store", conn -> {
                    Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "kept only if committed");
                    return Jdbc.update(conn, "INSERT INTO t (v) VALUES (NULL)");
                }));
        assertEquals("Could not store", refused.getMessage());
        assertTrue(before.isClosed());
        SQLiteConnection after = Jdbc.inTransaction(dataSource, "w", conn -> {
            Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "c");
            return conn.unwrap(SQLiteConnection.class);
        });
        assertNotSame(before, after);
        assertEquals(1L, Jdbc.find(dataSource, "count", "SELECT COUNT(*) FROM t", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aFailureOfTheCallerRollsBackButKeepsTheWriter() {
        SQLiteConnection before = Jdbc.inTransaction(dataSource, "w", conn -> conn.unwrap(SQLiteConnection.class));
        assertThrows(IllegalArgumentException.class, () -> Jdbc.inTransaction(dataSource, "w", conn -> {
            Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "rolled back");
            throw new IllegalArgumentException("the caller's own check");
        }));
        SQLiteConnection after = Jdbc.inTransaction(dataSource, "w", conn -> conn.unwrap(SQLiteConnection.class));
        assertSame(before, after);
        assertEquals(0L, Jdbc.find(dataSource, "count", "SELECT COUNT(*) FROM t", rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aTransactionInsideATransactionIsRefusedAndTheOuterOneRollsBack() {
        IllegalStateException nested = assertThrows(IllegalStateException.class,
                () -> Jdbc.inTransaction(dataSource, "outer", conn -> {
                    Jdbc.update(conn, "INSERT INTO t (v) VALUES (?)", "outer");
                    return Jdbc.update(dataSource, "inner", "INSERT INTO t (v) VALUES (?)", "inner");
                }));
        assertEquals("a transaction inside a transaction", nested.getMessage());
        try (Connection conn = dataSource.getConnection();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A new connection per call, as a pool hands out its connections; closing one closes it. */
    private record FileDataSource(String url) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            // the driver itself, not DriverManager (see StatementsTest)
            return new org.sqlite.JDBC().connect(url, new Properties());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() { return null; }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() { return 0; }

        @Override
        public Logger getParentLogger() { return Logger.getGlobal(); }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
