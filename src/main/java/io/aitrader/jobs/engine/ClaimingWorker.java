package io.aitrader.jobs.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.events.ClusterSignals;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.platform.concurrent.WorkerPools;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;

/**
 * The one engine, on both databases: each instance claims work from the database — a job to prepare, or runnable
 * model-days — up to MAX_PARALLEL_MODELS at once, runs it under a lease it renews, and then claims the same model's
 * next day, so each model runs as one loop ("claim its next day, run it, commit it, go on") that tends to stay on one
 * instance. A lease left to lapse by a dead instance makes its work claimable by the others; on SQLite, the only
 * instance, the leases its previous life left lapse at start (recovery). The last instance to end a job's model-day
 * gives the job its final status.
 */
@ApplicationScoped
public class ClaimingWorker {

    private static final long POLL_MILLIS = 500;
    /** On SQLite nothing outside this process makes work runnable, and every local change wakes the loop. */
    private static final long SQLITE_POLL_MILLIS = 2_000;

    private final WorkClaims claims;
    private final ClaimedWork work;
    private final LeaseKeeper leases;
    private final ClusterSignals signals;
    private final WorkerPools pools;
    private final JobFinisher finisher;

    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Set<String> ownJobs = ConcurrentHashMap.newKeySet();
    private volatile int capacity;
    private volatile long lastClaimWarning;
    private volatile boolean onlyOwnJobs;
    private ScheduledExecutorService loop;
    private ExecutorService slots;
    private ExecutorService listener;

    ClaimingWorker(WorkClaims claims, ClaimedWork work, LeaseKeeper leases, ClusterSignals signals,
            WorkerPools pools, JobFinisher finisher) {
        this.finisher = finisher;
        this.claims = claims;
        this.work = work;
        this.leases = leases;
        this.signals = signals;
        this.pools = pools;
    }

    /** {@code onlyOwnJobs}: a batch run works only on the job it created, not on the other instances' jobs. */
    synchronized void start(boolean onlyOwnJobs) {
        this.onlyOwnJobs = onlyOwnJobs;
        if (!onlyOwnJobs) {
            leases.recoverAtStart(); // a batch run leaves a server's work alone
        }
        capacity = pools.engineSlots();
        slots = pools.newEngineSlots();
        loop = pools.newClaimLoop();
        loop.scheduleWithFixedDelay(this::wake, 0, signals.shared() ? POLL_MILLIS : SQLITE_POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        if (signals.shared()) {
            listener = pools.newClusterListener();
            signals.start(listener);
        }
    }

    /** Stops claiming and lets this instance's leases expire at once, so the others take its work over now. */
    synchronized void stop() {
        if (loop == null) {
            return;
        }
        if (listener != null) {
            signals.stop();
            // the listener lets go of its connection within a second, before the connection pool closes
            pools.stopAndWait(listener, Duration.ofSeconds(2));
        }
        // a claim in flight finishes first, so the leases given up below include it
        pools.stopNow(loop, Duration.ofSeconds(10));
        // running model-days are not interrupted (that would end them failed): they claim nothing more, and their
        // leases lapse now so another instance runs them again; a commit that still comes is refused to the old owner
        work.stopClaiming();
        pools.stopAccepting(slots);
        leases.giveUpAll();
    }

    /** A job was created by this instance: look for work now. */
    public void wake(String jobId) {
        if (onlyOwnJobs) {
            ownJobs.add(jobId); // kept for the life of the batch run: its one job
        }
        wake();
        signals.workAvailable();
    }

    void wake() {
        ScheduledExecutorService current = loop;
        if (current != null && !current.isShutdown() && tickQueued.compareAndSet(false, true)) {
            try {
                current.execute(this::tick);
            } catch (RejectedExecutionException e) {
                tickQueued.set(false);
            }
        }
    }

    private void tick() {
        tickQueued.set(false);
        try {
            housekeeping();
            for (String jobId : scope()) {
                if (busy.get() < capacity) {
                    claims.claimPreparation(jobId).ifPresent(this::startPreparation);
                }
                int free = capacity - busy.get();
                if (free > 0) {
                    WorkClaims.Claimed claim = claims.claimDays(free, jobId, this::passOver);
                    finisher.claimed(claim);
                    claim.days().forEach(this::startDays);
                }
            }
        } catch (StoreException e) {
            claimFailed(e);
        } catch (RuntimeException e) {
            Log.errorf(e, "Claiming work failed");
        }
    }

    /** Days running here already (a stall past its lease must not make this instance claim one twice), or of a job
     * whose writes the database refused here. */
    private boolean passOver(ModelDay day) {
        return work.runningHere(day.id()) || finisher.stoppedByStorage(day.jobId());
    }

    /** Logged once a minute at most: a database that refuses writes would otherwise log twice a second. */
    private void claimFailed(StoreException e) {
        long now = System.currentTimeMillis();
        if (now - lastClaimWarning >= 60_000) {
            lastClaimWarning = now;
            Log.warnf("Claiming work failed (%s); retrying", e.getMessage());
        } else {
            Log.debugf("Claiming work failed (%s)", e.getMessage());
        }
    }

    /** Job ids to claim in ({@code null}: every job). */
    private List<String> scope() {
        if (!onlyOwnJobs) {
            return Collections.singletonList(null);
        }
        return List.copyOf(ownJobs);
    }

    private void housekeeping() {
        leases.upkeep(work.inProgress(), this::inScope);
    }

    private boolean inScope(String jobId) {
        return !onlyOwnJobs || ownJobs.contains(jobId);
    }

    private void startPreparation(String jobId) {
        busy.incrementAndGet();
        slots.execute(() -> {
            try {
                work.prepare(jobId);
            } finally {
                slotFreed();
            }
        });
    }

    private void startDays(WorkClaims.ClaimedDay claimed) {
        ModelDay day = claimed.day();
        busy.incrementAndGet();
        slots.execute(() -> {
            try {
                work.runPipeline(claimed);
            } catch (StoreException e) {
                Log.warnf("Model-day %s %s stopped: the database refused a write (%s)", day.model(), day.date(),
                        e.getMessage());
            } catch (RuntimeException e) {
                Log.errorf(e, "Model-day %s %s stopped", day.model(), day.date());
            } finally {
                slotFreed();
            }
        });
    }

    private void slotFreed() {
        busy.decrementAndGet();
        signals.workAvailable();
        wake();
    }

}
