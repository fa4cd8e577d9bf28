package io.aitrader.jobs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/** The job store's JDBC plumbing: transactions (BEGIN IMMEDIATE on SQLite), parameter binding, updates. */
final class Sql {

    /**
     * SQLite has one writer at a time. Its busy handler makes waiting writers sleep in growing steps, so under
     * contention the lock sits free while they sleep; queueing this process's writers here hands it over at once.
     */
    private static final ReentrantLock SQLITE_WRITES = new ReentrantLock(true);

    /** A unit of work on one connection, committed together. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection conn) throws SQLException;
    }

    private Sql() {
    }

    /**
     * Runs {@code work} on one connection in one transaction; a failure rolls it back. {@code failure} says what could
     * not be done in the StoreException thrown when the database refuses.
     */
    static <T> T inTransaction(DataSource dataSource, String failure, SqlWork<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            boolean sqlite = conn.getMetaData().getURL().startsWith("jdbc:sqlite:");
            if (sqlite) {
                SQLITE_WRITES.lock();
            }
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
                if (sqlite) {
                    SQLITE_WRITES.unlock();
                }
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
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

    /** Binds parameters in order; booleans as 0/1 and money as double, as both databases store them. */
    static void bind(PreparedStatement ps, Object... params) throws SQLException {
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

    /** Runs an INSERT, UPDATE or DELETE on the caller's connection; returns the rows it changed. */
    static int update(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }
}
