package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.Trader;
import io.quarkus.logging.Log;

/**
 * Runs what the {@link ClaimingWorker} claimed, on one of its slots: a job's preparation, or a model's days from the
 * claimed one on, claiming each next day of the same model while it can so the pipeline's start state stays in memory.
 */
@ApplicationScoped
public class ClaimedWork {

    private final WorkClaims claims;
    private final ClaimedJobs claimed;
    private final JobRunner runner;
    private final ModelDayRunner dayRunner;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Held (shared) around each claim of a next day, so that stopping can wait for one in flight. */
    private final ReadWriteLock claimGate = new ReentrantReadWriteLock();

    ClaimedWork(WorkClaims claims, ClaimedJobs claimed, JobRunner runner, ModelDayRunner dayRunner,
            JobFinisher finisher, CancelFlags cancelFlags) {
        this.claims = claims;
        this.claimed = claimed;
        this.runner = runner;
        this.dayRunner = dayRunner;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
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

    InProgress inProgress() {
        return new InProgress(Map.copyOf(running), Set.copyOf(preparing));
    }

    void prepare(String jobId) {
        preparing.add(jobId);
        try {
            claimed.activeJob(jobId).ifPresent(job -> {
                Log.infof("Preparing job %s", jobId);
                runner.prepare(job, claimed.config(job));
            });
            claimed.forget(jobId); // loaded again with the prices the preparation fetched
            claims.releasePreparation(jobId);
        } catch (StoreException e) {
            Log.warnf("Preparing job %s failed (%s); it is prepared again", jobId, e.getMessage());
            try {
                claims.releasePreparation(jobId);
            } catch (StoreException s) {
                Log.debugf("Job %s not released (%s)", jobId, s.getMessage());
            }
        } catch (RuntimeException e) {
            Log.errorf("Job %s failed: %s", jobId, e.getMessage());
            finisher.fail(jobId, "The job could not run: " + e.getClass().getSimpleName());
        } finally {
            preparing.remove(jobId);
        }
    }

    /** Runs the claimed day, then the model's next days for as long as this instance can claim them. */
    void runPipeline(ModelDay first) {
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
        List<LocalDate> dates = job.job().dateRange();
        ModelChain chain = dayRunner.chain(first.model(), first.date(), dates.get(dates.size() - 1));
        ModelDay day = first;
        while (day != null) {
            running.put(day.id(), day.jobId());
            try {
                runDay(job, day, chain);
            } catch (RuntimeException e) {
                giveUp(day, e);
                return;
            } finally {
                running.remove(day.id());
            }
            claimGate.readLock().lock();
            try {
                if (stopping) {
                    return;
                }
                day = claims.claimNext(day.jobId(), day.model()).orElse(null);
            } finally {
                claimGate.readLock().unlock();
            }
        }
        finisher.finish(first.jobId());
    }

    private void runDay(ClaimedJobs.Context job, ModelDay day, ModelChain chain) {
        Trader trader;
        try {
            trader = claimed.trader(job, day.model());
        } catch (RuntimeException e) {
            finisher.endRunningDay(day, ModelDayStatus.FAILED, "The model could not be set up: " + e.getMessage());
            return;
        }
        dayRunner.run(day, job.config(), job.model(day.model()), trader, job.prices(),
                () -> cancelFlags.isCancelled(day.jobId()), chain);
    }

    /** The day could not be run or stored here: let its lease lapse now so an instance claims it again. */
    private void giveUp(ModelDay day, RuntimeException e) {
        Log.warnf("Model-day %s %s stopped here (%s); it will be claimed again", day.model(), day.date(),
                e.getMessage());
        try {
            claims.release(day.id());
        } catch (StoreException s) {
            Log.warnf("Its lease could not be given up (%s); it lapses once this instance stops renewing it, or the "
                    + "watchdog fails the day", s.getMessage());
        }
    }
}
