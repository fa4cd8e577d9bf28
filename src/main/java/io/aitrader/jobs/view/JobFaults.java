package io.aitrader.jobs.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayStatus;

/**
 * Jobs stopped because the database refused a write (read-only or full disk) whose failure is not stored yet. The
 * pipelines stop starting days, the API shows the job failed, and the watchdog keeps trying to store the failure; if
 * the service stops first, the stored job is still active and resumes at the next start like after a crash.
 */
@ApplicationScoped
public class JobFaults {

    private final Map<String, String> unrecorded = new ConcurrentHashMap<>();

    public void record(String jobId, String error) {
        unrecorded.putIfAbsent(jobId, error);
    }

    public boolean has(String jobId) {
        return unrecorded.containsKey(jobId);
    }

    public Optional<String> error(String jobId) {
        return Optional.ofNullable(unrecorded.get(jobId));
    }

    public void recorded(String jobId) {
        unrecorded.remove(jobId);
    }

    public List<String> jobs() {
        return List.copyOf(unrecorded.keySet());
    }

    /** The stored job as the API shows it while its failure is kept here: failed, its unfinished days cancelled. */
    public JobStatusView overlay(JobRecord job, List<ModelDay> days, boolean withDetails) {
        String error = unrecorded.get(job.jobId());
        if (error == null || !job.status().active()) {
            return JobStatusView.from(job, days, withDetails);
        }
        JobRecord failed = new JobRecord(job.jobId(), JobStatus.FAILED, job.configPath(), job.configJson(),
                job.dateRange(), job.models(), job.workKey(), job.replaceExisting(), job.warnings(), error,
                job.triggeredBy(), job.createdAt(), job.startedAt(), job.updatedAt(), job.updatedAt(),
                job.maxCostUsd(), job.replayOf(), job.rescoreOf(), job.rules());
        List<ModelDay> ended = days.stream().map(d -> d.status() == ModelDayStatus.PENDING
                || d.status() == ModelDayStatus.RUNNING
                        ? new ModelDay(d.id(), d.jobId(), d.model(), d.date(), ModelDayStatus.CANCELLED, d.startedAt(),
                                null, "The job failed: " + error, d.cost())
                        : d)
                .toList();
        return JobStatusView.from(failed, ended, withDetails);
    }
}
