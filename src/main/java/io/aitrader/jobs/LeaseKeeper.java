package io.aitrader.jobs;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ServiceSettings;

/**
 * The claiming worker's upkeep, run from its claim loop: renews this instance's leases every third of
 * WORK_LEASE_SECONDS (and stops model-days whose job was cancelled on another instance, should that notification
 * have been lost), and every few seconds ends jobs left with nothing to run (their last instance died after its
 * last model-day) and forgets jobs that ended.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final long SWEEP_MILLIS = 5_000;

    private final WorkClaims claims;
    private final JobRepository jobs;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;
    private final ServiceSettings settings;
    private long lastRenewal;
    private long lastSweep;

    LeaseKeeper(WorkClaims claims, JobRepository jobs, JobFinisher finisher, CancelFlags cancelFlags,
            ServiceSettings settings) {
        this.claims = claims;
        this.jobs = jobs;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
        this.settings = settings;
    }

    /**
     * {@code inProgress}: the work running here; {@code mayFinish}: jobs this instance may end. Returns the active
     * jobs' ids after a sweep, null between sweeps.
     */
    Set<String> upkeep(ClaimedWork.InProgress inProgress, Predicate<String> mayFinish) {
        long now = System.currentTimeMillis();
        if (now - lastRenewal >= settings.workLeaseSeconds() * 1000L / 3) {
            lastRenewal = now;
            claims.renew(inProgress.days().keySet(), inProgress.preparing());
            claims.ended(new HashSet<>(inProgress.days().values())).forEach(cancelFlags::cancel);
        }
        if (now - lastSweep < SWEEP_MILLIS) {
            return null;
        }
        lastSweep = now;
        jobs.runningJobsWithoutWork().stream().filter(mayFinish).forEach(finisher::finish);
        Set<String> active = new HashSet<>();
        jobs.listActive().forEach(job -> active.add(job.jobId()));
        return active;
    }
}
