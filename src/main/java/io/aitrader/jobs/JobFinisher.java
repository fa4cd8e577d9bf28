package io.aitrader.jobs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Moves a job between phases and gives it its final status from its model-days (contract 2.2). */
@ApplicationScoped
public class JobFinisher {

    private final JobRepository jobs;
    private final JobEvents events;
    private final CancelFlags cancelFlags;

    JobFinisher(JobRepository jobs, JobEvents events, CancelFlags cancelFlags) {
        this.jobs = jobs;
        this.events = events;
        this.cancelFlags = cancelFlags;
    }

    void phase(String jobId, JobStatus status) {
        if (cancelFlags.isCancelled(jobId)) {
            return;
        }
        jobs.updateStatus(jobId, status, null);
        events.publish(JobEvent.job(jobId, status, null));
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
        events.publish(JobEvent.job(jobId, status, error));
    }

    void fail(String jobId, String error) {
        jobs.cancelPendingDays(jobId, "The job failed: " + error);
        jobs.updateStatus(jobId, JobStatus.FAILED, error);
        events.publish(JobEvent.job(jobId, JobStatus.FAILED, error));
    }

    void cancel(String jobId) {
        cancelFlags.cancel(jobId);
        jobs.cancelPendingDays(jobId, "The job was cancelled");
        jobs.updateStatus(jobId, JobStatus.CANCELLED, null);
        events.publish(JobEvent.job(jobId, JobStatus.CANCELLED, null));
    }
}
