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

    public void commit(DayRecord day) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                ledger.insertDay(conn, day, Timestamps.now());
                jobs.markDay(conn, day.detailId(), ModelDayStatus.COMPLETED, null);
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not commit the model-day", e);
        }
    }
}
