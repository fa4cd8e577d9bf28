package io.aitrader.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * The one transaction rule of every store: one connection, BEGIN (IMMEDIATE on SQLite), the work, COMMIT — or
 * ROLLBACK on any failure — and the connection back to autocommit before it returns to the pool. SQLite has one writer
 * at a time and its busy handler makes waiting writers sleep in growing steps, so under contention the lock would sit
 * free while they sleep: this process's writers queue on one fair lock instead, which hands it over at once.
 */
public final class Transactions {

    private static final ReentrantLock SQLITE_WRITES = new ReentrantLock(true);

    /** A unit of work on one connection, committed together. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs {@code work} in one transaction; the database's refusal comes back as the SQLException. */
    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
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
