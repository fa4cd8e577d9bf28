package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.Trader;
import io.aitrader.config.ServiceSettings;
import io.quarkus.logging.Log;

/**
 * The worker when instances share PostgreSQL (contract 7): instead of running a job's pipelines itself, each instance
 * claims work from the database — a job to prepare, or runnable model-days — up to MAX_PARALLEL_MODELS at once, runs
 * it under a lease it renews, and then claims the same model's next day so a pipeline tends to stay on one instance.
 * A lease left to expire by a dead instance makes its work claimable by the others. The last instance to end a
 * job's model-day gives the job its final status.
 */
@ApplicationScoped
public class ClaimingWorker {

    private static final long POLL_MILLIS = 500;
    private static final long SWEEP_MILLIS = 5_000;
    /** MAX_PARALLEL_MODELS unset ("all"): how many model-days one instance runs at most at once. */
    private static final int UNLIMITED_SLOTS = 64;

    private final WorkClaims claims;
    private final ClaimedJobs claimed;
    private final JobRunner runner;
    private final ModelDayRunner dayRunner;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;
    private final JobRepository jobs;
    private final ServiceSettings settings;
    private final ClusterSignals signals;

    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Map<Long, String> running = new ConcurrentHashMap<>();
    private final Set<String> ownJobs = ConcurrentHashMap.newKeySet();
    private int capacity;
    private boolean onlyOwnJobs;
    private ScheduledExecutorService loop;
    private ExecutorService slots;
    private long lastRenewal;
    private long lastSweep;

    ClaimingWorker(WorkClaims claims, ClaimedJobs claimed, JobRunner runner, ModelDayRunner dayRunner,
            JobFinisher finisher, CancelFlags cancelFlags, JobRepository jobs, ServiceSettings settings,
            ClusterSignals signals) {
        this.claims = claims;
        this.claimed = claimed;
        this.runner = runner;
        this.dayRunner = dayRunner;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
        this.jobs = jobs;
        this.settings = settings;
        this.signals = signals;
    }

    /** {@code onlyOwnJobs}: a batch run works only on the job it created, not on the other instances' jobs. */
    synchronized void start(boolean onlyOwnJobs) {
        this.onlyOwnJobs = onlyOwnJobs;
        capacity = settings.maxParallelModels() > 0 ? settings.maxParallelModels() : UNLIMITED_SLOTS;
        slots = Executors.newFixedThreadPool(capacity, runnable -> new Thread(runnable, "claimed-work"));
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "work-claims"));
        loop.scheduleWithFixedDelay(this::wake, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        signals.start();
    }

    /** Stops claiming and lets this instance's leases expire at once, so the others take its work over now. */
    synchronized void stop() {
        if (loop == null) {
            return;
        }
        signals.stop();
        loop.shutdownNow();
        slots.shutdownNow();
        try {
            claims.expireAll();
        } catch (StoreException e) {
            Log.warnf("Leases not given up (%s); they expire in %d s", e.getMessage(), settings.workLeaseSeconds());
        }
    }

    /** A job was created by this instance: look for work now. */
    public void wake(String jobId) {
        ownJobs.add(jobId);
        wake();
        signals.workAvailable();
    }

    void wake() {
        ScheduledExecutorService current = loop;
        if (current != null && !current.isShutdown() && tickQueued.compareAndSet(false, true)) {
            try {
                current.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
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
                    claims.claimDays(free, jobId).forEach(this::startDays);
                }
            }
        } catch (StoreException e) {
            Log.warnf("Claiming work failed (%s); retrying", e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "Claiming work failed");
        }
    }

    /** Job ids to claim in ({@code null}: every job). */
    private List<String> scope() {
        if (!onlyOwnJobs) {
            return java.util.Collections.singletonList(null);
        }
        return List.copyOf(ownJobs);
    }

    private void housekeeping() {
        long now = System.currentTimeMillis();
        if (now - lastRenewal >= settings.workLeaseSeconds() * 1000L / 3) {
            lastRenewal = now;
            claims.renew();
            Set<String> inFlight = new HashSet<>(running.values());
            claims.ended(inFlight).forEach(cancelFlags::cancel); // cancelled on another instance
        }
        if (now - lastSweep >= SWEEP_MILLIS) {
            lastSweep = now;
            List<String> idle = jobs.runningJobsWithoutWork();
            idle.stream().filter(this::inScope).forEach(finisher::finish);
            Set<String> active = new HashSet<>();
            jobs.listActive().forEach(job -> active.add(job.jobId()));
            claimed.retainOnly(active);
            ownJobs.retainAll(active);
        }
    }

    private boolean inScope(String jobId) {
        return !onlyOwnJobs || ownJobs.contains(jobId);
    }

    private void startPreparation(String jobId) {
        busy.incrementAndGet();
        slots.execute(() -> {
            try {
                jobs.findById(jobId).filter(job -> job.status().active()).ifPresent(job -> {
                    Log.infof("Preparing job %s", jobId);
                    runner.prepare(job, claimed.config(job));
                });
                claimed.forget(jobId); // loaded again with the prices the preparation fetched
                claims.releasePreparation(jobId);
            } catch (StoreException e) {
                Log.warnf("Preparing job %s failed (%s); its lease will expire and it is prepared again", jobId,
                        e.getMessage());
            } catch (RuntimeException e) {
                Log.errorf("Job %s failed: %s", jobId, e.getMessage());
                finisher.fail(jobId, "The job could not run: " + e.getClass().getSimpleName());
            } finally {
                slotFreed();
            }
        });
    }

    private void startDays(ModelDay day) {
        busy.incrementAndGet();
        slots.execute(() -> {
            try {
                runPipeline(day);
            } catch (StoreException e) {
                Log.warnf("Model-day %s %s stopped: the database refused a write (%s); its lease will expire and "
                        + "it runs again", day.model(), day.date(), e.getMessage());
            } catch (RuntimeException e) {
                Log.errorf(e, "Model-day %s %s stopped", day.model(), day.date());
            } finally {
                slotFreed();
            }
        });
    }

    /** Runs the claimed day, then the model's next days for as long as this instance can claim them. */
    private void runPipeline(ModelDay first) {
        Optional<ClaimedJobs.Context> context = claimed.get(first.jobId());
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
            day = claims.claimNext(day.jobId(), day.model()).orElse(null);
        }
        finisher.finish(first.jobId());
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

    private void slotFreed() {
        busy.decrementAndGet();
        signals.workAvailable();
        wake();
    }

    /** Model-days this instance is running now (for tests and logs). */
    int runningCount() {
        return running.size();
    }
}
