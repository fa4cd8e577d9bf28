package io.aitrader.jobs.api;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.engine.JobFinisher;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.trigger.TriggerPlanner;
import io.aitrader.jobs.view.JobFaults;
import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.prices.DownloadProgressRepository;

/**
 * Reads and controls stored jobs: status, lists, the current job, cancel. A job that is not there is an empty answer:
 * the resources make it their 404.
 */
@ApplicationScoped
public class JobService {

    private final JobRepository jobs;
    private final ModelDayRepository modelDays;
    private final JobFinisher finisher;
    private final JobFaults faults;
    private final DownloadProgressRepository downloads;

    JobService(JobRepository jobs, ModelDayRepository modelDays, JobFinisher finisher, JobFaults faults,
            DownloadProgressRepository downloads) {
        this.jobs = jobs;
        this.modelDays = modelDays;
        this.finisher = finisher;
        this.faults = faults;
        this.downloads = downloads;
    }

    /** The 404 of a job id nobody knows. */
    public static ApiException noSuchJob(String jobId) {
        return ApiException.notFound("No job with id " + TriggerPlanner.safe(jobId));
    }

    /** The 404 of the current job before the first one. */
    public static ApiException noJobYet() {
        return ApiException.notFound("No job has run yet");
    }

    /**
     * Cancels an active job and answers its status; empty when there is no such job, 409 when it has ended.
     * {@code actor} (the API key's name or the client address) goes to the audit trail.
     */
    public Optional<JobStatusView> cancel(String jobId, String actor) {
        return jobs.findById(jobId).map(job -> {
            if (!job.status().active() || !finisher.cancel(jobId, actor)) {
                JobRecord ended = jobs.findById(jobId).orElseThrow(() -> noSuchJob(jobId));
                throw new ApiException(409, "job_not_active",
                        "The job has already ended with status " + ended.status().wire(), null);
            }
            return status(jobs.findById(jobId).orElseThrow(() -> noSuchJob(jobId)));
        });
    }

    public Optional<JobRecord> find(String jobId) {
        return jobs.findById(jobId);
    }

    public List<ModelDay> details(String jobId) {
        return modelDays.listByJob(jobId);
    }

    /** The status of the most recent job; empty before the first one. */
    public Optional<JobStatusView> findCurrent() {
        return jobs.findLatest().map(this::status);
    }

    public List<JobStatusView> list(JobStatus status, int limit, int offset) {
        return jobs.listByStatus(status, limit, offset).stream()
                .map(job -> faults.has(job.jobId())
                        ? faults.overlay(job, modelDays.listByJob(job.jobId()), false)
                        : withDownload(job, JobStatusView.from(job, modelDays.countByStatus(job.jobId()))))
                .toList();
    }

    public JobStatusView status(JobRecord job) {
        return withDownload(job, faults.overlay(job, modelDays.listByJob(job.jobId()), true));
    }

    /** Adds the price download's progress (stored by whichever instance downloads) while the job downloads. */
    private JobStatusView withDownload(JobRecord job, JobStatusView view) {
        if (!JobStatus.DOWNLOADING_DATA.wire().equals(view.status())) {
            return view;
        }
        return downloads.findById(job.jobId()).map(view::withDownload).orElse(view);
    }

    /** A job's status with every model-day; empty when there is no such job. */
    public Optional<JobStatusView> findStatus(String jobId) {
        return jobs.findById(jobId).map(this::status);
    }
}
