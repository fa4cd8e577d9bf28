package io.aitrader.jobs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Transactions;

/** The job store's JDBC plumbing: transactions (BEGIN IMMEDIATE on SQLite), parameter binding, updates. */
final class Sql {

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
        try {
            return Transactions.run(dataSource, work::run);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
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
        try (PreparedStatement ps = Statements.prepare(conn, sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }
}
