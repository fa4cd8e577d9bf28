package io.aitrader.jobs;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.database.Storage;

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

    DayCommitter(@Storage DataSource dataSource, LedgerRepository ledger, JobRepository jobs, AuditRepository audit) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.jobs = jobs;
        this.audit = audit;
    }

    private static String detail(DayRecord day) {
        int trades = day.trades().size();
        return trades + (trades == 1 ? " trade" : " trades") + ", ending value "
                + day.endingValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
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
                        ModelDayStatus.COMPLETED.wire(), detail(day), null));
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
