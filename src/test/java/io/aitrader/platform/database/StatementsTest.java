package io.aitrader.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept statements on SQLite: one per SQL and connection, reset by close() so that the next transaction finds no
 * result set, batch or parameter of the last; dropped with their connection; a bound per connection; plain statements
 * elsewhere.
 */
class StatementsTest {

    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        // the driver itself: DriverManager hands out only drivers registered from a class loader this class sees, and
        // after a @QuarkusTest in this JVM the SQLite driver may be registered from Quarkus' class loader instead
        Connection conn = new org.sqlite.JDBC().connect("jdbc:sqlite:" + dir.resolve("t.db"), new Properties());
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
        }
        return conn;
    }

    @Test
    void aStatementIsPreparedOnceAndResetByClose() throws SQLException {
        try (Connection conn = open()) {
            conn.setAutoCommit(false);
            PreparedStatement first;
            try (PreparedStatement ps = Statements.prepare(conn, "INSERT INTO t (v) VALUES (?)")) {
                first = ps;
                ps.setString(1, "a");
                ps.addBatch();
                ps.setString(1, "b");
                ps.addBatch();
                ps.executeBatch();
            }
            try (PreparedStatement ps = Statements.prepare(conn, "INSERT INTO t (v) VALUES (?) RETURNING id")) {
                ps.setString(1, "c");
                try (ResultSet id = ps.executeQuery()) {
                    assertTrue(id.next());
                    assertEquals(3, id.getLong(1));
                }
            }
            try (PreparedStatement ps = Statements.prepare(conn, "INSERT INTO t (v) VALUES (?)")) {
                assertSame(first, ps);
            }
            // a result set left open: close() resets the statement, so the commit finds nothing in progress
            try (PreparedStatement ps = Statements.prepare(conn, "SELECT v FROM t ORDER BY id")) {
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next());
            }
            conn.commit();
            try (PreparedStatement ps = Statements.prepare(conn, "SELECT v FROM t ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                assertEquals(List.of("a", "b", "c"), values);
            }
            assertEquals(3, Statements.keptCount(conn));
        }
    }

    @Test
    void aClosedConnectionsStatementsAreForgotten() throws SQLException {
        PreparedStatement before;
        Connection old = open();
        before = Statements.prepare(old, "SELECT count(*) FROM t");
        before.close();
        old.close();
        try (Connection conn = open();
                PreparedStatement ps = Statements.prepare(conn, "SELECT count(*) FROM t");
                ResultSet rs = ps.executeQuery()) {
            assertNotSame(before, ps);
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
            assertEquals(0, Statements.keptCount(old));
        }
    }

    @Test
    void aConnectionKeepsABoundedNumber() throws SQLException {
        try (Connection conn = open()) {
            for (int i = 0; i < Statements.MAX_PER_CONNECTION + 5; i++) {
                try (PreparedStatement ps = Statements.prepare(conn, "SELECT " + i)) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(i, rs.getInt(1));
                    }
                }
            }
            assertEquals(Statements.MAX_PER_CONNECTION, Statements.keptCount(conn));
            PreparedStatement plain = Statements.prepare(conn, "SELECT 'over the bound'");
            plain.close();
            assertTrue(plain.isClosed(), "a statement over the bound is a plain one, closed by close()");
        }
    }

    @Test
    void anotherDatabasesConnectionPreparesAsUsual() throws SQLException {
        List<String> prepared = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> null);
        Connection other = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isWrapperFor" -> false;
                    case "prepareStatement" -> {
                        prepared.add((String) args[0]);
                        yield statement;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertSame(statement, Statements.prepare(other, "SELECT 1"));
        assertEquals(List.of("SELECT 1"), prepared);
    }
}
