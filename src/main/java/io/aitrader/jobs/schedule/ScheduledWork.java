package io.aitrader.jobs.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.engine.JobFinisher;
import io.aitrader.jobs.events.JobAddresses;
import io.aitrader.jobs.store.DatabaseClock;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.jobs.trigger.TriggerAnswer;
import io.aitrader.jobs.trigger.TriggerRequest;
import io.aitrader.jobs.trigger.TriggerService;
import io.aitrader.jobs.view.JobFaults;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;
import io.quarkus.vertx.ConsumeEvent;

/** Does what the scheduler publishes, on worker threads: the catch-up trigger and the watchdog. */
@ApplicationScoped
public class ScheduledWork {

    private final TriggerService triggers;
    private final JobRepository jobs;
    private final JobFinisher finisher;
    private final StoredConfigs storedConfigs;
    private final DatabaseClock clock;

    ScheduledWork(TriggerService triggers, JobRepository jobs, JobFinisher finisher, StoredConfigs storedConfigs,
            DatabaseClock clock) {
        this.clock = clock;
        this.triggers = triggers;
        this.jobs = jobs;
        this.finisher = finisher;
        this.storedConfigs = storedConfigs;
    }

    @ConsumeEvent(value = JobAddresses.CATCH_UP, blocking = true)
    void catchUp(String caller) {
        try {
            TriggerAnswer answer = triggers.trigger(TriggerRequest.EMPTY, caller);
            Log.infof("Scheduled catch-up: HTTP %d equivalent", answer.status());
        } catch (ApiException e) {
            Log.infof("Scheduled catch-up not started: %s", e.getMessage());
        }
    }

    /**
     * Stores job failures the database refused earlier (see {@link JobFaults}), then fails model-days running past
     * the day timeout (plus a minute of grace, since the runner enforces the timeout itself between steps), so a hung
     * provider cannot wedge a job, and ends jobs left with nothing to run.
     */
    @ConsumeEvent(value = JobAddresses.WATCHDOG, blocking = true)
    public void watchdog(String tick) {
        try {
            finisher.recordFaults();
            failOverdueDays();
        } catch (StoreException e) {
            Log.warnf("Watchdog: the database refused a write (%s)", e.getMessage());
        }
    }

    private void failOverdueDays() {
        int failed = 0;
        Instant now = clock.now(); // the clock that stamped started_at when the day was claimed
        for (JobRecord job : jobs.listActive()) {
            // each job's own day timeout, from the config it was started with
            int timeout = storedConfigs.restore(job).agentConfig().dayTimeoutSeconds();
            failed += finisher.failOverdueDays(job.jobId(),
                    Timestamps.format(now.minus(timeout + 60L, ChronoUnit.SECONDS)));
        }
        if (failed > 0) {
            Log.warnf("Watchdog failed %d model-days running past their timeout", failed);
            jobs.listRunningWithoutWork().forEach(finisher::finish);
        }
    }
}
