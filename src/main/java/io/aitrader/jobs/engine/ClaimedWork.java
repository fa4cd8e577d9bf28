package io.aitrader.jobs.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.Trader;
import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.claims.Leases;
import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.view.JobFaults;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;

/**
 * Runs what the {@link ClaimingWorker} claimed, on one of its slots: a job's preparation, or a model's days from the
 * claimed one on, claiming each next day of the same model while it can so the pipeline's start state stays in memory.
 * A storage fault gives the work in hand back (the day's next attempt runs it again); when the database refuses even
 * that, it is not writable: the job stops here and is shown failed until its failure can be stored
 * ({@link JobFaults}), or resumes at the next start.
 */
@ApplicationScoped
public class ClaimedWork {

    private final WorkClaims claims;
    private final Leases leases;
    private final ClaimedJobs claimed;
    private final JobPreparation preparation;
    private final ModelDayRunner dayRunner;
    private final JobFinisher finisher;
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Held (shared) around each claim of a next day, so that stopping can wait for one in flight. */
    private final ReadWriteLock claimGate = new ReentrantReadWriteLock();

    ClaimedWork(WorkClaims claims, Leases leases, ClaimedJobs claimed, JobPreparation preparation,
            ModelDayRunner dayRunner, JobFinisher finisher) {
        this.leases = leases;
        this.claims = claims;
        this.claimed = claimed;
        this.preparation = preparation;
        this.dayRunner = dayRunner;
        this.finisher = finisher;
    }

    /**
     * The instance is stopping: pipelines end after their current day. Returns once no claim is in flight, so that
     * leases given up afterwards include every day claimed here.
     */
    void stopClaiming() {
        claimGate.writeLock().lock();
        try {
            stopping = true;
        } finally {
            claimGate.writeLock().unlock();
        }
    }

    /** Work running here now: model-day ids with their job ids, and the jobs being prepared. */
    record InProgress(Map<Long, String> days, Set<String> preparing) {
    }

    boolean runningHere(long dayId) {
        return running.containsKey(dayId);
    }

    InProgress inProgress() {
        return new InProgress(Map.copyOf(running), Set.copyOf(preparing));
    }

    void prepare(String jobId) {
        preparing.add(jobId);
        try {
            claimed.activeJob(jobId).ifPresent(job -> {
                Log.infof("Preparing job %s", jobId);
                SimulationConfig config = claimed.config(job);
                claimed.prepared(job, config, preparation.prepare(job, config).table());
            });
            leases.releasePreparation(jobId);
            finisher.finish(jobId); // when every day was skipped nothing is left to claim
        } catch (StoreException e) {
            Log.warnf("Preparing job %s failed (%s); it is prepared again", jobId, e.getMessage());
            try {
                leases.releasePreparation(jobId);
            } catch (StoreException s) {
                stopOnStorage(jobId, e);
            }
        } catch (RuntimeException e) {
            Log.errorf("Job %s failed: %s", jobId, e.getMessage());
            finisher.fail(jobId, "The job could not run: " + e.getClass().getSimpleName());
        } finally {
            preparing.remove(jobId);
        }
    }

    /** Runs the claimed day, then the model's next days for as long as this instance can claim them. */
    void runPipeline(WorkClaims.ClaimedDay claimedFirst) {
        ModelDay first = claimedFirst.day();
        running.put(first.id(), first.jobId()); // renewed from now on
        Optional<ClaimedJobs.Context> context;
        try {
            context = claimed.get(first.jobId());
        } finally {
            running.remove(first.id());
        }
        if (context.isEmpty()) {
            return;
        }
        ClaimedJobs.Context job = context.get();
        ModelChain chain = new ModelChain();
        WorkClaims.ClaimedDay claimedDay = claimedFirst;
        while (claimedDay != null) {
            ModelDay day = claimedDay.day();
            running.put(day.id(), day.jobId());
            WorkClaims.Claimed next;
            try {
                next = runDay(job, claimedDay, chain);
            } catch (RuntimeException e) {
                giveUp(day, e);
                return;
            } finally {
                running.remove(day.id());
            }
            if (next == null) {
                next = claimNext(day);
            }
            if (next == null) {
                return; // the instance stops
            }
            finisher.claimed(next);
            claimedDay = next.days().isEmpty() ? null : next.days().get(0);
        }
        finisher.finish(first.jobId());
    }

    /** Runs the day; returns what its commit claimed next, or null when the next day is still to be claimed. */
    private WorkClaims.Claimed runDay(ClaimedJobs.Context job, WorkClaims.ClaimedDay claimedDay, ModelChain chain) {
        ModelDay day = claimedDay.day();
        Trader trader;
        try {
            trader = claimed.trader(job, day.model());
        } catch (RuntimeException e) {
            finisher.endRunningDay(day, ModelDayStatus.FAILED, "The model could not be set up: " + e.getMessage());
            return null;
        }
        Optional<String> exhausted = claimed.overBudget(job, day.model());
        if (exhausted.isPresent()) {
            chain.broken();
            finisher.endRunningDay(day, ModelDayStatus.SKIPPED, exhausted.get());
            return null;
        }
        return dayRunner.run(day, job.config(), job.model(day.model()), trader, job.prices(),
                () -> finisher.cancelled(day.jobId()), chain, claimedDay.storedBefore(),
                conn -> claimNext(conn, day)).next();
    }

    /** The model's next day unless the instance is stopping (null then; stopping waits for a claim in flight). */
    private WorkClaims.Claimed claimNext(ModelDay day) {
        claimGate.readLock().lock();
        try {
            return stopping ? null : claims.claimNext(day.jobId(), day.model(), day.date());
        } finally {
            claimGate.readLock().unlock();
        }
    }

    /** As above, inside the day's commit. */
    private WorkClaims.Claimed claimNext(Connection conn, ModelDay day) throws SQLException {
        claimGate.readLock().lock();
        try {
            return stopping ? null : claims.claimNext(conn, day.jobId(), day.model(), day.date());
        } finally {
            claimGate.readLock().unlock();
        }
    }

    /** The day could not be stored here: its lease lapses now, so its next attempt (here or elsewhere) runs it. */
    private void giveUp(ModelDay day, RuntimeException e) {
        Log.warnf("Model-day %s %s stopped here (%s); its next attempt runs it again", day.model(), day.date(),
                e.getMessage());
        try {
            leases.release(day.id(), "storage fault: " + e.getMessage());
        } catch (StoreException s) {
            stopOnStorage(day.jobId(), e);
        }
    }

    private void stopOnStorage(String jobId, RuntimeException e) {
        finisher.storageFailed(jobId,
                e instanceof StoreException store ? store : new StoreException(e.getMessage(), e));
        finisher.failOnStorage(jobId);
    }
}
