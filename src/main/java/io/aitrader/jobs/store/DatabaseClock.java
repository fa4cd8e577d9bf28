package io.aitrader.jobs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;

/**
 * The database's time. Leases, take-overs and the watchdog compare stored times from this one clock, so a skewed
 * clock on one instance cannot take work over early or keep a dead lease alive. SQLite's clock is the machine's own
 * (every process sharing the file runs on it), so there it is read without a query.
 */
@ApplicationScoped
public class DatabaseClock {

    private final DataSource dataSource;
    private final String query;
    private final boolean sqlite;

    DatabaseClock(@Storage DataSource dataSource, Database database) {
        this.dataSource = dataSource;
        this.query = database.nowQuery();
        this.sqlite = !database.postgres();
    }

    public Instant now() {
        if (sqlite) {
            return machineNow();
        }
        return Jdbc.withConnection(dataSource, "Could not read the database's time", this::now);
    }

    /** The time on the caller's connection (inside its transaction). */
    public Instant now(Connection conn) throws SQLException {
        if (sqlite) {
            return machineNow();
        }
        try (PreparedStatement ps = Statements.prepare(conn, query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Instant.ofEpochMilli(Timestamps.millis(rs.getString(1)));
        }
    }

    /** What SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') reads: the system clock, to the millisecond. */
    private static Instant machineNow() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }
}
