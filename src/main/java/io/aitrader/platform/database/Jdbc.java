package io.aitrader.platform.database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * The one JDBC helper of every repository, and its one transaction rule: one connection, BEGIN (IMMEDIATE on SQLite),
 * the work, COMMIT — or ROLLBACK on any failure — and the connection back to autocommit before it returns to the pool.
 * On SQLite every transaction runs on the one writer connection ({@link SqliteWriter}). Reads take one connection in
 * autocommit. A refusal of the database comes back as a {@link StoreException} saying
 * what could not be done. SQLite has one writer at a time and its busy handler makes waiting writers sleep in growing
 * steps, so under contention the lock would sit free while they sleep: this process's writers queue on one fair lock
 * instead, which hands it over at once.
 */
public final class Jdbc {

    private static final ReentrantLock SQLITE_WRITES = new ReentrantLock(true);

    /** Work on one connection: a transaction's, or a read's. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Takes the current row of a result set. */
    @FunctionalInterface
    public interface Each {
        void accept(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} in one transaction; {@code failure} says what could not be done if the database refuses. */
    public static <T> T inTransaction(DataSource dataSource, String failure, Work<T> work) {
        try {
            if (!SqliteWriter.isSqlite(dataSource)) {
                try (Connection conn = dataSource.getConnection()) {
                    return inTransaction(conn, work);
                }
            }
            if (SQLITE_WRITES.isHeldByCurrentThread()) {
                // the writer is in this thread's transaction: a nested one would commit it half-done
                throw new IllegalStateException("a transaction inside a transaction");
            }
            SQLITE_WRITES.lock();
            try {
                return inTransaction(SqliteWriter.of(dataSource), work);
            } catch (SQLException e) {
                SqliteWriter.discard(dataSource);
                throw e;
            } finally {
                SQLITE_WRITES.unlock();
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    private static <T> T inTransaction(Connection conn, Work<T> work) throws SQLException {
        try {
            conn.setAutoCommit(false); // BEGIN IMMEDIATE under transaction_mode=IMMEDIATE
            T result = work.run(conn);
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(conn);
            throw e;
        } finally {
            autoCommit(conn); // inside the lock: sqlite-jdbc begins the next transaction at each commit
        }
    }

    /** Runs {@code work} on one connection in autocommit: reads, and writes of one statement. */
    public static <T> T withConnection(DataSource dataSource, String failure, Work<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            return work.run(conn);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    /** The rows of a query, each mapped by {@code row}, on a connection of its own. */
    public static <T> List<T> list(DataSource dataSource, String failure, String sql, Row<T> row, Object... params) {
        return withConnection(dataSource, failure, conn -> list(conn, sql, row, params));
    }

    /** The first row of a query, mapped by {@code row}, on a connection of its own; empty when there is none. */
    public static <T> Optional<T> find(DataSource dataSource, String failure, String sql, Row<T> row,
            Object... params) {
        return withConnection(dataSource, failure, conn -> find(conn, sql, row, params));
    }

    /** Gives each row of a query to {@code each}, on a connection of its own. */
    public static void forEach(DataSource dataSource, String failure, String sql, Each each, Object... params) {
        withConnection(dataSource, failure, conn -> {
            forEach(conn, sql, each, params);
            return null;
        });
    }

    /** Runs one INSERT, UPDATE or DELETE in a transaction of its own; returns the rows it changed. */
    public static int update(DataSource dataSource, String failure, String sql, Object... params) {
        return inTransaction(dataSource, failure, conn -> update(conn, sql, params));
    }

    /** The rows of a query on the caller's connection (inside its transaction). */
    public static <T> List<T> list(Connection conn, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        }
    }

    /** Gives each row of a query on the caller's connection to {@code each}. */
    public static void forEach(Connection conn, String sql, Each each, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }

    /** The first row of a query on the caller's connection; empty when there is none. */
    public static <T> Optional<T> find(Connection conn, String sql, Row<T> row, Object... params)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** Runs an INSERT, UPDATE or DELETE on the caller's connection; returns the rows it changed. */
    public static int update(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = Statements.prepare(conn, sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Binds parameters in order; booleans as 0/1 and money as double, as both databases store them. */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Boolean b) {
                value = b ? 1 : 0;
            } else if (value instanceof BigDecimal d) {
                value = d.doubleValue();
            }
            ps.setObject(i + 1, value);
        }
    }

    private static void autoCommit(Connection conn) {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection: the pool discards it
        }
    }

    private static void rollBack(Connection conn) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            // the transaction is gone with the failure that ended it
        }
    }
}
