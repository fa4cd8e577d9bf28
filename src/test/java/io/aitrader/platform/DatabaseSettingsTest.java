package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The connection settings the service relies on, on whichever database the suite runs: SQLite's WAL, busy timeout,
 * foreign keys and WAL size limit; PostgreSQL's READ COMMITTED, which the claims' re-checks after a row lock assume.
 */
@QuarkusTest
class DatabaseSettingsTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    Database database;

    @Test
    void theConnectionsHaveTheSettingsTheStoreReliesOn() throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            if (database.postgres()) {
                assertEquals("read committed", one(conn, "SHOW transaction_isolation"));
                assertEquals("PostgreSQL", database.kind());
            } else {
                assertEquals("wal", one(conn, "PRAGMA journal_mode"));
                assertEquals("5000", one(conn, "PRAGMA busy_timeout"));
                assertEquals("1", one(conn, "PRAGMA foreign_keys"));
                assertEquals("67108864", one(conn, "PRAGMA journal_size_limit"));
                assertEquals("10000", one(conn, "PRAGMA wal_autocheckpoint"));
                assertEquals("SQLite", database.kind());
            }
        }
    }

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
