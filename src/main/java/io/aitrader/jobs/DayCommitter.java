package io.aitrader.jobs;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Commits a finished model-day — ledger rows, conversation and the model-day's status — in one transaction. */
@ApplicationScoped
public class DayCommitter {

    private final DataSource dataSource;
    private final LedgerRepository ledger;
    private final JobRepository jobs;

    DayCommitter(DataSource dataSource, LedgerRepository ledger, JobRepository jobs) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.jobs = jobs;
    }

    /** Returns false (and writes nothing) when the day stopped running meanwhile: timed out or cancelled. */
    public boolean commit(DayRecord day) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                if (!jobs.completeRunningDay(conn, day.detailId())) {
                    conn.rollback();
                    return false;
                }
                ledger.insertDay(conn, day, Timestamps.now());
                conn.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not commit the model-day", e);
        }
    }
}
