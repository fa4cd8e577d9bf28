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
 * transaction, which also claims the model's next day: a completed model-day costs one write transaction.
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

    /** Claims the model's next day on the commit's connection; null when it must not (the instance stops). */
    @FunctionalInterface
    interface NextDay {
        WorkClaims.Claimed claim(Connection conn) throws SQLException;
    }

    /** What a commit did: whether it stored the day, and what it claimed next (null: nothing asked). */
    record Commit(boolean stored, WorkClaims.Claimed next) {
    }

    /** Stores nothing when the day stopped running meanwhile: timed out, cancelled or taken over. */
    public Commit commit(DayRecord day, NextDay next) {
        return Sql.inTransaction(dataSource, "Could not commit the model-day", conn -> {
            if (!jobs.completeRunningDay(conn, day.detailId())) {
                conn.rollback();
                return new Commit(false, null);
            }
            ledger.insertDay(conn, day, Timestamps.now());
            audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(),
                    ModelDayStatus.COMPLETED.wire(), detail(day), null));
            return new Commit(true, next.claim(conn));
        });
    }
}
