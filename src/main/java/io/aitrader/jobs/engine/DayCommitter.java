package io.aitrader.jobs.engine;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.store.DayRecord;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;

/**
 * Commits finished model-days — ledger rows, conversation, the model-day's status and its audit row — each with the
 * claim of its model's next day, so a completed model-day costs one write transaction. Days that finish while another
 * commit is under way share the next transaction (group commit): the first waiting pipeline commits everything
 * queued, the others find theirs done. A batch the database refuses is retried day by day, so one bad day fails
 * only itself.
 */
@ApplicationScoped
public class DayCommitter {

    private static final int MAX_BATCH = 64;

    private final DataSource dataSource;
    private final LedgerRepository ledger;
    private final ModelDayRepository modelDays;
    private final AuditRepository audit;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    DayCommitter(@Storage DataSource dataSource, LedgerRepository ledger, ModelDayRepository modelDays,
            AuditRepository audit) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.modelDays = modelDays;
        this.audit = audit;
    }

    /** Claims the model's next day on the commit's connection; null when it must not (the instance stops). */
    @FunctionalInterface
    interface NextDay {
        WorkClaims.Claimed claim(Connection conn) throws SQLException;
    }

    /** What a commit did: whether it stored the day, and what it claimed next (null: nothing asked). */
    record Commit(boolean stored, WorkClaims.Claimed next) {
    }

    /** A day waiting for its commit, and how it ended. */
    private static final class Pending {
        final DayRecord day;
        final NextDay next;
        volatile Commit result;
        volatile StoreException failure;

        Pending(DayRecord day, NextDay next) {
            this.day = day;
            this.next = next;
        }

        boolean done() {
            return result != null || failure != null;
        }
    }

    /** Stores nothing when the day stopped running meanwhile: timed out, cancelled or taken over. */
    public Commit commit(DayRecord day, NextDay next) {
        Pending mine = new Pending(day, next);
        queue.add(mine);
        committing.lock();
        try {
            while (!mine.done()) {
                commitQueued();
            }
        } finally {
            committing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private void commitQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        try {
            List<Commit> results = Jdbc.inTransaction(dataSource, "Could not commit the model-day", conn -> {
                List<Commit> stored = new ArrayList<>();
                for (Pending pending : batch) {
                    stored.add(store(conn, pending));
                }
                return stored;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results.get(i);
            }
        } catch (StoreException e) {
            if (batch.size() == 1) {
                batch.get(0).failure = e;
            } else {
                batch.forEach(this::commitAlone);
            }
        }
    }

    private void commitAlone(Pending pending) {
        try {
            pending.result = Jdbc.inTransaction(dataSource, "Could not commit the model-day",
                    conn -> store(conn, pending));
        } catch (StoreException e) {
            pending.failure = e;
        }
    }

    private Commit store(Connection conn, Pending pending) throws SQLException {
        DayRecord day = pending.day;
        if (!modelDays.updateCompleted(conn, day.detailId())) {
            return new Commit(false, null);
        }
        ledger.persist(conn, day, Timestamps.now());
        audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(),
                ModelDayStatus.COMPLETED.wire(), detail(day), null));
        return new Commit(true, pending.next.claim(conn));
    }

    private static String detail(DayRecord day) {
        int trades = day.trades().size();
        return trades + (trades == 1 ? " trade" : " trades") + ", ending value "
                + day.endingValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
