package io.aitrader.jobs.trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.JobsSettings;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * Admits a trigger's plan as a new job in one transaction: unless the same work is active, every day is held by
 * active jobs, or MAX_CONCURRENT_JOBS is reached.
 */
@ApplicationScoped
class JobAdmission {

    private final JobRepository jobs;
    private final StoredConfigs storedConfigs;
    private final DataSource dataSource;
    private final JobsSettings settings;
    private final Database database;

    JobAdmission(JobRepository jobs, StoredConfigs storedConfigs, @Storage DataSource dataSource,
            JobsSettings settings, Database database) {
        this.jobs = jobs;
        this.storedConfigs = storedConfigs;
        this.dataSource = dataSource;
        this.settings = settings;
        this.database = database;
    }

    /** The job the trigger created for {@code plan}, or ({@code created} false) the active job that has its work. */
    record Decision(JobRecord job, TriggerPlan plan, boolean created) {
    }

    /**
     * Inserts a job for the plan's model-days that no active job holds yet, unless the same work is active or every
     * day is held (that job is returned), or the limit is reached (409).
     */
    Decision insertUnlessBlocked(TriggerPlan plan, String triggeredBy) {
        return Jdbc.inTransaction(dataSource, "Could not store the job", conn -> decide(conn, plan, triggeredBy));
    }

    /** The trigger's decision on the caller's transaction: nothing is written unless a job is created. */
    private Decision decide(Connection conn, TriggerPlan plan, String triggeredBy) throws SQLException {
        if (database.postgres()) {
            // one trigger at a time across every instance; readers and the worker's row updates go on
            try (Statement lock = conn.createStatement()) {
                lock.execute("LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE");
            }
        }
        List<JobRecord> active = jobs.listActive(conn);
        String workKey = plan.workKey();
        for (JobRecord other : active) {
            if (other.workKey().equals(workKey)) {
                return new Decision(other, plan, false);
            }
        }
        List<LocalDate> dates = plan.dateRange();
        Map<ActiveModelDays.Day, ActiveModelDays.Holder> held = ActiveModelDays.held(conn, plan.models(),
                dates.get(0), dates.get(dates.size() - 1));
        TriggerPlan open = plan.skipping(held);
        if (open.isEmpty()) {
            return new Decision(oldestHolder(active, plan, held), plan, false);
        }
        if (active.size() >= settings.maxConcurrentJobs()) {
            throw conflict(active.get(0));
        }
        JobRecord job = newJob(open, triggeredBy);
        jobs.persist(conn, job, storedDays(plan, open));
        return new Decision(job, open, true);
    }

    /** The oldest active job holding one of the plan's days ({@code active} is oldest first). */
    private static JobRecord oldestHolder(List<JobRecord> active, TriggerPlan plan,
            Map<ActiveModelDays.Day, ActiveModelDays.Holder> held) {
        Set<String> holders = plan.toRun().stream().map(day -> held.get(new ActiveModelDays.Day(day.model(),
                day.date()))).map(ActiveModelDays.Holder::jobId).collect(Collectors.toSet());
        return active.stream().filter(job -> holders.contains(job.jobId())).findFirst().orElseThrow();
    }

    /**
     * The days to run, and those skipped because another job holds them, which the job's status lists; a day
     * skipped as already completed is only reported in the answer.
     */
    private static List<PlannedDay> storedDays(TriggerPlan planned, TriggerPlan open) {
        List<PlannedDay> days = new ArrayList<>(open.toRun());
        open.skipped().stream().filter(day -> !planned.skipped().contains(day)).forEach(days::add);
        return days;
    }

    private ApiException conflict(JobRecord current) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("current_job_id", current.jobId());
        fields.put("current_date_range", current.dateRange().stream().map(LocalDate::toString).toList());
        return ApiException.conflict("Another simulation job is active; MAX_CONCURRENT_JOBS ("
                + settings.maxConcurrentJobs() + ") is reached", fields);
    }

    private JobRecord newJob(TriggerPlan plan, String triggeredBy) {
        String now = Timestamps.now();
        return new JobRecord(UUID.randomUUID().toString(), JobStatus.PENDING, plan.configPath(),
                storedConfigs.toJson(plan.config()), plan.dateRange(), plan.models(), plan.workKey(),
                plan.replaceExisting(), plan.warnings(), null, triggeredBy, now, null, now, null, plan.maxCostUsd(),
                plan.replayOf(), plan.rescoreOf(), plan.config().rules());
    }

}
