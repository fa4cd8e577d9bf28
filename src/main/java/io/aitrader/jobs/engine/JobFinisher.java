package io.aitrader.jobs.engine;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.events.CancelFlags;
import io.aitrader.jobs.events.JobEvent;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.view.JobFaults;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;

/**
 * Moves a job between phases, ends model-days that never run, and gives the job its final status from its model-days
 * (contract 2.2), also when the database refused a write. The repository writes the audit trail with each change; the
 * meters count it here.
 */
@ApplicationScoped
public class JobFinisher {

    private final JobRepository jobs;
    private final ModelDayRepository modelDays;
    private final JobEvents events;
    private final CancelFlags cancelFlags;
    private final JobMetrics metrics;
    private final JobFaults faults;

    JobFinisher(JobRepository jobs, ModelDayRepository modelDays, JobEvents events, CancelFlags cancelFlags,
            JobMetrics metrics, JobFaults faults) {
        this.jobs = jobs;
        this.modelDays = modelDays;
        this.events = events;
        this.cancelFlags = cancelFlags;
        this.metrics = metrics;
        this.faults = faults;
    }

    /** Whether the job was cancelled (here, or on another instance that told this one). */
    boolean cancelled(String jobId) {
        return cancelFlags.isCancelled(jobId);
    }

    /** Whether the database refused the job's writes here: its days are not claimed here any more. */
    boolean stoppedByStorage(String jobId) {
        return faults.has(jobId);
    }

    /**
     * Counts what a claim took over and ends the jobs whose last model-days it failed for using up their attempts.
     */
    void claimed(WorkClaims.Claimed claim) {
        metrics.takenOver(claim.takenOver());
        if (claim.exhausted().isEmpty()) {
            return;
        }
        metrics.daysEnded(ModelDayStatus.FAILED, claim.exhausted().size());
        for (ModelDay day : claim.exhausted()) {
            Log.warnf("Model-day %s %s failed: %s", day.model(), day.date(), day.error());
            events.publish(JobEvent.modelDay(day.jobId(), day.model(), day.date(), ModelDayStatus.FAILED,
                    day.error()));
        }
        claim.exhausted().stream().map(ModelDay::jobId).distinct().forEach(this::finish);
    }

    /** Notes that the database refused one of the job's writes; the pipelines stop at their next day. */
    void storageFailed(String jobId, StoreException e) {
        if (!faults.has(jobId)) {
            Log.errorf("Job %s stops: the database refused a write (%s: %s)", jobId, e.getMessage(),
                    e.getCause() == null ? "" : e.getCause().getMessage());
        }
        faults.record(jobId, "Storage failure (" + e.getMessage()
                + "): the job stopped; its completed model-days are kept");
    }

    /** Ends a job stopped by a storage failure: failed in the database if it takes the write, else in memory. */
    void failOnStorage(String jobId) {
        faults.error(jobId).ifPresent(error -> events.publish(JobEvent.job(jobId, JobStatus.FAILED, error)));
        recordFault(jobId);
    }

    /** Stores a failure kept in memory; false while the database still refuses the write (retried by the watchdog). */
    boolean recordFault(String jobId) {
        Optional<String> error = faults.error(jobId);
        if (error.isEmpty()) {
            return true;
        }
        try {
            int cancelledDays = jobs.updateFailed(jobId, error.get());
            faults.recorded(jobId);
            metrics.daysEnded(ModelDayStatus.CANCELLED, cancelledDays);
            metrics.jobFinished(JobStatus.FAILED);
            Log.infof("Job %s: its failure is stored", jobId);
            return true;
        } catch (StoreException e) {
            Log.warnf("Job %s: its failure cannot be stored yet (%s); it is shown failed and stored when the "
                    + "database accepts writes again, or resumed at the next start", jobId, e.getMessage());
            return false;
        }
    }

    /** Retries storing every failure kept in memory. */
    public void recordFaults() {
        faults.jobs().forEach(this::recordFault);
    }

    void phase(String jobId, JobStatus status) {
        if (cancelFlags.isCancelled(jobId)) {
            return;
        }
        jobs.updateStatus(jobId, status, null);
        events.publish(JobEvent.job(jobId, status, null));
    }

    /** Ends a pending model-day that will not run (skipped, or failed before it started). */
    void endPendingDay(ModelDay day, ModelDayStatus status, String reason) {
        if (modelDays.updateEnded(day, ModelDayStatus.PENDING, status, reason)) {
            metrics.daysEnded(status, 1);
        }
    }

    /** Ends a claimed model-day that could not start (its model cannot be set up). */
    void endRunningDay(ModelDay day, ModelDayStatus status, String reason) {
        if (modelDays.updateEnded(day, ModelDayStatus.RUNNING, status, reason)) {
            metrics.daysEnded(status, 1);
            events.publish(JobEvent.modelDay(day.jobId(), day.model(), day.date(), status, reason));
        }
    }

    /** Fails model-days running since before {@code startedBefore}; returns how many. */
    public int failOverdueDays(String jobId, String startedBefore) {
        int failed = modelDays.updateFailedOverdue(jobId, startedBefore);
        metrics.daysEnded(ModelDayStatus.FAILED, failed);
        return failed;
    }

    public void finish(String jobId) {
        if (cancelFlags.isCancelled(jobId)) {
            return; // the cancel already gave the job its final status
        }
        ModelDayRepository.Counts all = modelDays.countByStatus(jobId); // in the database: every pipeline's end asks
        int[] counts = all.byStatus();
        int completed = counts[ModelDayStatus.COMPLETED.ordinal()];
        int failed = counts[ModelDayStatus.FAILED.ordinal()];
        JobStatus status;
        String error = null;
        if (completed == 0) {
            status = JobStatus.FAILED;
            error = failed > 0
                    ? failed + " model-days failed and none completed"
                    : "No model-day could run (prices incomplete for every date)";
        } else {
            // days a spending cap skipped leave the job short of what was asked, as failed days do
            status = failed == 0 && all.budgetSkipped() == 0 ? JobStatus.COMPLETED : JobStatus.PARTIAL;
        }
        if (jobs.updateFinishedIfIdle(jobId, status, error)) {
            metrics.jobFinished(status);
            events.publish(JobEvent.job(jobId, status, error));
        }
    }

    void fail(String jobId, String error) {
        metrics.daysEnded(ModelDayStatus.CANCELLED,
                modelDays.updateCancelledPending(jobId, "The job failed: " + error));
        jobs.updateStatus(jobId, JobStatus.FAILED, error);
        metrics.jobFinished(JobStatus.FAILED);
        events.publish(JobEvent.job(jobId, JobStatus.FAILED, error));
    }

    /**
     * {@code actor} is who asked: the API key's name, or the client address. False when the job ended before the
     * cancel could be stored.
     */
    public boolean cancel(String jobId, String actor) {
        cancelFlags.cancel(jobId);
        int cancelledDays = jobs.updateCancelled(jobId, actor);
        if (cancelledDays < 0) {
            cancelFlags.forget(jobId);
            return false;
        }
        metrics.daysEnded(ModelDayStatus.CANCELLED, cancelledDays);
        metrics.jobFinished(JobStatus.CANCELLED);
        events.publish(JobEvent.job(jobId, JobStatus.CANCELLED, null));
        return true;
    }
}
