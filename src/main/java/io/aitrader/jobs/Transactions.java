package io.aitrader.jobs;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Runs work on one connection in one transaction (BEGIN IMMEDIATE on SQLite); a failure rolls it back. */
final class Transactions {

    /** A unit of work on one connection, committed together. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection conn) throws SQLException;
    }

    private Transactions() {
    }

    /** {@code failure} says what could not be done in the StoreException thrown when the database refuses. */
    static <T> T run(DataSource dataSource, String failure, SqlWork<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); // BEGIN IMMEDIATE under transaction_mode=IMMEDIATE
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }
}
