package io.aitrader.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * Statements of the engine's hot path (a model-day's commit and the claim of the next day), prepared once per SQLite
 * connection and kept for every later transaction on it. SQLite compiles a statement at each prepare, which cost the
 * commit about a fifth of its time; a kept statement's {@code close()} only resets it (result set closed, batch and
 * parameters cleared), so callers use it in try-with-resources as any statement. PostgreSQL's driver keeps prepared
 * statements on the server itself: there, and for a connection that already keeps {@link #MAX_PER_CONNECTION}
 * statements, this is a plain {@code prepareStatement}.
 */
public final class Statements {

    /** A bound on what one connection keeps, should a caller ever pass SQL built from data. */
    static final int MAX_PER_CONNECTION = 64;

    /** Per physical connection (the pool's wrappers change); a connection's map is used by its holder only. */
    private static final Map<SQLiteConnection, Map<String, Kept>> KEPT = new IdentityHashMap<>();

    private Statements() {
    }

    /** A statement of {@code sql} on the caller's connection, to be closed by the caller as usual. */
    public static PreparedStatement prepare(Connection conn, String sql) throws SQLException {
        if (!conn.isWrapperFor(SQLiteConnection.class)) {
            return conn.prepareStatement(sql);
        }
        SQLiteConnection sqlite = conn.unwrap(SQLiteConnection.class);
        Map<String, Kept> kept = keptBy(sqlite);
        Kept statement = kept.get(sql);
        if (statement == null || statement.finalized()) {
            if (statement == null && kept.size() >= MAX_PER_CONNECTION) {
                return conn.prepareStatement(sql);
            }
            statement = new Kept(sqlite, sql);
            kept.put(sql, statement);
        }
        return statement;
    }

    /** How many statements the connection keeps (tests). */
    static int keptCount(Connection conn) throws SQLException {
        synchronized (KEPT) {
            Map<String, Kept> kept = KEPT.get(conn.unwrap(SQLiteConnection.class));
            return kept == null ? 0 : kept.size();
        }
    }

    private static Map<String, Kept> keptBy(SQLiteConnection conn) throws SQLException {
        synchronized (KEPT) {
            Map<String, Kept> kept = KEPT.get(conn);
            if (kept == null) {
                // A connection not seen before: forget the ones the pool has closed since (their statements with them).
                for (var it = KEPT.keySet().iterator(); it.hasNext();) {
                    if (it.next().isClosed()) {
                        it.remove();
                    }
                }
                kept = new ConcurrentHashMap<>();
                KEPT.put(conn, kept);
            }
            return kept;
        }
    }

    /** A prepared statement that {@code close()} resets for its next use; the connection's close finalizes it. */
    static final class Kept extends JDBC4PreparedStatement {

        Kept(SQLiteConnection conn, String sql) throws SQLException {
            super(conn, sql);
        }

        /** True once SQLite has finalized it: its connection was closed. */
        boolean finalized() {
            return pointer.isClosed();
        }

        @Override
        public void close() throws SQLException {
            if (finalized()) {
                return;
            }
            if (rs.isOpen()) {
                rs.close(); // resets the statement, so it holds no read snapshot
            }
            clearBatch();
            clearParameters();
        }
    }
}
