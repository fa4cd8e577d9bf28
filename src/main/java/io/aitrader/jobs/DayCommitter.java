package io.aitrader.jobs;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;

/**
 * Commits a finished model-day — ledger rows, conversation, the model-day's status and its audit row — in one
 * transaction.
 */
@ApplicationScoped
public class DayCommitter {

    private final DataSource dataSource;
    private final LedgerRepository ledger;
    private final JobRepository jobs;
    private final AuditRepository audit;

    DayCommitter(DataSource dataSource, LedgerRepository ledger, JobRepository jobs, AuditRepository audit) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.jobs = jobs;
        this.audit = audit;
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
                audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(),
                        ModelDayStatus.COMPLETED.wire(), day.trades().size() + " trades, ending value "
                                + day.endingValue().toPlainString(),
                        null));
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
