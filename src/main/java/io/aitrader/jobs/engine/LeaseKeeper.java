package io.aitrader.jobs.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.JobsSettings;
import io.aitrader.jobs.claims.Leases;
import io.aitrader.jobs.events.CancelFlags;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;

/**
 * The claiming worker's upkeep, run from its claim loop: renews this instance's leases every third of
 * WORK_LEASE_SECONDS (and stops model-days whose job was cancelled on another instance, should that notification
 * have been lost), and every few seconds ends jobs left with nothing to run (their last instance died after its
 * last model-day) and forgets jobs that ended.
 */
@ApplicationScoped
public class LeaseKeeper {

    private static final long SWEEP_MILLIS = 5_000;

    private final Leases claims;
    private final JobRepository jobs;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;
    private final JobsSettings settings;
    private final ClaimedJobs claimed;
    private long lastRenewal;
    private long lastSweep;

    LeaseKeeper(Leases claims, JobRepository jobs, JobFinisher finisher, CancelFlags cancelFlags,
            JobsSettings settings, ClaimedJobs claimed) {
        this.claimed = claimed;
        this.claims = claims;
        this.jobs = jobs;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
        this.settings = settings;
    }

    /** The instance starts: on SQLite, where it is the only one, its previous life's leases lapse (recovery). */
    void recoverAtStart() {
        if (claims.soleInstance()) {
            int lapsed = claims.lapseAll();
            if (lapsed > 0) {
                Log.infof("Resuming work interrupted by the last stop: %d leases lapsed", lapsed);
            }
        }
    }

    /** Lets every lease of this instance lapse now (it stops), so others take its work over at once. */
    void giveUpAll() {
        try {
            claims.expireAll();
        } catch (StoreException e) {
            Log.warnf("Leases not given up (%s); they expire in %d s", e.getMessage(), settings.workLeaseSeconds());
        }
    }

    /** {@code inProgress}: the work running here; {@code mayFinish}: jobs this instance may end. */
    void upkeep(ClaimedWork.InProgress inProgress, Predicate<String> mayFinish) {
        long now = System.currentTimeMillis();
        if (now - lastRenewal >= settings.workLeaseSeconds() * 1000L / 3) {
            lastRenewal = now;
            claims.renew(inProgress.days().keySet(), inProgress.preparing());
            claims.ended(new HashSet<>(inProgress.days().values())).forEach(cancelFlags::cancel);
        }
        if (now - lastSweep < SWEEP_MILLIS) {
            return;
        }
        lastSweep = now;
        jobs.listRunningWithoutWork().stream().filter(mayFinish).forEach(finisher::finish);
        Set<String> active = new HashSet<>();
        jobs.listActive().forEach(job -> active.add(job.jobId()));
        claimed.retainOnly(active);
    }
}
