package io.aitrader.jobs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves a job between phases, ends model-days that never run, and gives the job its final status from its model-days
 * (contract 2.2). The repository writes the audit trail with each change; the meters count it here.
 */
@ApplicationScoped
public class JobFinisher {

    private final JobRepository jobs;
    private final JobEvents events;
    private final CancelFlags cancelFlags;
    private final JobMetrics metrics;

    JobFinisher(JobRepository jobs, JobEvents events, CancelFlags cancelFlags, JobMetrics metrics) {
        this.jobs = jobs;
        this.events = events;
        this.cancelFlags = cancelFlags;
        this.metrics = metrics;
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
        if (jobs.endDay(day, ModelDayStatus.PENDING, status, reason)) {
            metrics.daysEnded(status, 1);
        }
    }

    /** Fails model-days running since before {@code startedBefore}; returns how many. */
    int failOverdueDays(String startedBefore) {
        int failed = jobs.failOverdueDays(startedBefore);
        metrics.daysEnded(ModelDayStatus.FAILED, failed);
        return failed;
    }

    void finish(String jobId) {
        if (cancelFlags.isCancelled(jobId)) {
            return; // the cancel already gave the job its final status
        }
        List<ModelDay> days = jobs.details(jobId);
        long completed = days.stream().filter(d -> d.status() == ModelDayStatus.COMPLETED).count();
        long failed = days.stream().filter(d -> d.status() == ModelDayStatus.FAILED).count();
        JobStatus status;
        String error = null;
        if (completed == 0) {
            status = JobStatus.FAILED;
            error = failed > 0
                    ? failed + " model-days failed and none completed"
                    : "No model-day could run (prices incomplete for every date)";
        } else {
            status = failed == 0 ? JobStatus.COMPLETED : JobStatus.PARTIAL;
        }
        jobs.updateStatus(jobId, status, error);
        metrics.jobFinished(status);
        events.publish(JobEvent.job(jobId, status, error));
    }

    void fail(String jobId, String error) {
        metrics.daysEnded(ModelDayStatus.CANCELLED, jobs.cancelPendingDays(jobId, "The job failed: " + error));
        jobs.updateStatus(jobId, JobStatus.FAILED, error);
        metrics.jobFinished(JobStatus.FAILED);
        events.publish(JobEvent.job(jobId, JobStatus.FAILED, error));
    }

    /**
     * {@code actor} is who asked: the API key's name, or the client address. False when the job ended before the
     * cancel could be stored.
     */
    boolean cancel(String jobId, String actor) {
        cancelFlags.cancel(jobId);
        int cancelledDays = jobs.cancel(jobId, actor);
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
