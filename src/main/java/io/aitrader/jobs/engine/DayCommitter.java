package io.aitrader.jobs.engine;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.store.DayRecord;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;

/**
 * Commits finished model-days — ledger rows, conversation, recorded model calls, the model-day's status and its audit
 * row — each with the
 * claim of its model's next day, so a completed model-day costs one write transaction. Days that finish while another
 * commit is under way share the next transaction (group commit): the pipeline that finds the lock free commits what is
 * queued and wakes each pipeline whose day it stored, so a waiting pipeline never takes the lock only to find its day
 * done. A batch the database refuses is retried day by day, so one bad day fails only itself.
 */
@ApplicationScoped
public class DayCommitter {

    private static final int MAX_BATCH = 64;
    /** How long a waiting pipeline parks before it looks at the write lock again. */
    private static final long RECHECK_NANOS = 20_000_000L;

    private final DataSource dataSource;
    private final LedgerRepository ledger;
    private final ModelDayRepository modelDays;
    private final AuditRepository audit;
    private final ModelCallRepository modelCalls;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    DayCommitter(@Storage DataSource dataSource, LedgerRepository ledger, ModelDayRepository modelDays,
            AuditRepository audit, ModelCallRepository modelCalls) {
        this.modelCalls = modelCalls;
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

    /** A day waiting for its commit, the pipeline waiting for it, and how it ended. */
    private static final class Pending {
        final DayRecord day;
        final NextDay next;
        final Thread waiter = Thread.currentThread();
        volatile Commit result;
        volatile RuntimeException failure;

        Pending(DayRecord day, NextDay next) {
            this.day = day;
            this.next = next;
        }

        boolean done() {
            return result != null || failure != null;
        }

        void ended(Commit commit, RuntimeException error) {
            result = commit;
            failure = error;
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Stores nothing when the day stopped running meanwhile: timed out, cancelled or taken over. The pipeline that
     * finds the write lock free commits everything queued until its own day is stored, waking each pipeline whose day
     * it stored; when it leaves with days still queued it wakes the first of their pipelines, which takes over.
     */
    public Commit commit(DayRecord day, NextDay next) {
        Pending mine = new Pending(day, next);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done()) {
            if (committing.tryLock()) {
                try {
                    while (!mine.done()) {
                        commitBatch();
                    }
                } finally {
                    committing.unlock();
                }
                Pending waiting = queue.peek();
                if (waiting != null) {
                    LockSupport.unpark(waiting.waiter);
                }
            } else {
                // woken when its day is stored or when the committing pipeline leaves; the timeout is a safety net
                LockSupport.parkNanos(this, RECHECK_NANOS);
                // a stopping pipeline still waits for its commit: the interrupt is kept for after it
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private void commitBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Commit> results = Jdbc.inTransaction(dataSource, "Could not commit the model-day",
                    conn -> store(conn, batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).ended(results.get(i), null);
            }
        } catch (StoreException e) {
            if (batch.size() == 1) {
                batch.get(0).ended(null, e);
            } else {
                batch.forEach(this::commitAlone);
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.ended(null, e));
        }
    }

    private void commitAlone(Pending pending) {
        try {
            pending.ended(Jdbc.inTransaction(dataSource, "Could not commit the model-day",
                    conn -> store(conn, List.of(pending)).get(0)), null);
        } catch (RuntimeException e) {
            pending.ended(null, e);
        }
    }

    /**
     * Stores the batch step by step rather than day by day — every day's status, then every ledger, every audit row,
     * every claim — so each step's statements and index pages are still in the CPU's caches for the next day. Each
     * claim comes after the status and ledger of every day in the batch.
     */
    private List<Commit> store(Connection conn, List<Pending> batch) throws SQLException {
        boolean[] running = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            running[i] = modelDays.updateCompleted(conn, batch.get(i).day.detailId(), batch.get(i).day.cost());
        }
        String now = Timestamps.now();
        for (int i = 0; i < batch.size(); i++) {
            if (running[i]) {
                ledger.persist(conn, batch.get(i).day, now);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (running[i]) {
                DayRecord day = batch.get(i).day;
                modelCalls.persistAll(conn, day.jobId(), day.model(), day.date(), day.calls());
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (running[i]) {
                DayRecord day = batch.get(i).day;
                audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(),
                        ModelDayStatus.COMPLETED.wire(), detail(day), null));
            }
        }
        List<Commit> commits = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            commits.add(running[i] ? new Commit(true, batch.get(i).next.claim(conn)) : new Commit(false, null));
        }
        return commits;
    }

    private static String detail(DayRecord day) {
        int trades = day.trades().size();
        return trades + (trades == 1 ? " trade" : " trades") + ", ending value "
                + day.endingValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
