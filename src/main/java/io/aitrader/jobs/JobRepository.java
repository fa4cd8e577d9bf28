package io.aitrader.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;

/** Jobs and their model-days (tables jobs, job_details). */
@ApplicationScoped
public class JobRepository {

    static final String INSERT_JOB = """
            INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key,
                              replace_existing, warnings, triggered_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_DETAIL = """
            INSERT INTO job_details (job_id, model, date, status, error, completed_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    static final String SELECT_JOB = "SELECT * FROM jobs WHERE job_id = ?";
    static final String SELECT_LATEST = "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 1";
    static final String SELECT_ACTIVE = """
            SELECT * FROM jobs WHERE status IN ('pending', 'downloading_data', 'running') ORDER BY created_at
            """;
    static final String SELECT_PAGE = """
            SELECT * FROM jobs WHERE (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?
            """;
    static final String SELECT_DETAILS = """
            SELECT id, model, date, status, started_at, completed_at, error FROM job_details WHERE job_id = ?
            ORDER BY date, model
            """;
    static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) FROM job_details WHERE job_id = ? GROUP BY status";
    static final String SELECT_CURRENT = """
            SELECT date, model FROM job_details WHERE job_id = ? AND status = 'running' ORDER BY date, model LIMIT 1
            """;
    static final String UPDATE_STATUS = """
            UPDATE jobs SET status = ?, updated_at = ?,
                   started_at = CASE WHEN ? = 1 AND started_at IS NULL THEN ? ELSE started_at END,
                   completed_at = CASE WHEN ? = 1 THEN ? ELSE completed_at END,
                   error = COALESCE(?, error)
            WHERE job_id = ?
            """;
    /** Ends a running job only when none of its model-days is left to run (another instance may end it first). */
    static final String FINISH_IDLE = """
            UPDATE jobs SET status = ?, updated_at = ?, completed_at = ?, error = ?
            WHERE job_id = ? AND status = 'running'
              AND NOT EXISTS (SELECT 1 FROM job_details d WHERE d.job_id = ? AND d.status IN ('pending', 'running'))
            """;
    static final String UPDATE_WARNINGS = "UPDATE jobs SET warnings = ?, updated_at = ? WHERE job_id = ?";
    static final String COMPLETE_RUNNING_DAY = """
            UPDATE job_details SET status = 'completed', error = NULL, completed_at = ?
            WHERE id = ? AND status = 'running' AND (lease_owner IS NULL OR lease_owner = ?)
            """;
    static final String END_DAY = """
            UPDATE job_details SET status = ?, error = ?, completed_at = ?
            WHERE id = ? AND status = ? AND (lease_owner IS NULL OR lease_owner = ?)
            """;
    static final String SELECT_OVERDUE_DAYS = """
            SELECT * FROM job_details WHERE job_id = ? AND status = 'running' AND started_at < ?
            """;
    static final String OVERDUE_REASON = "The model-day exceeded its timeout and was stopped by the watchdog";
    static final String FAIL_OVERDUE_DAYS = """
            UPDATE job_details SET status = 'failed', completed_at = ?, error = ?
            WHERE job_id = ? AND status = 'running' AND started_at < ?
            """;
    static final String SELECT_RUNNING_WITHOUT_WORK = """
            SELECT j.job_id FROM jobs j WHERE j.status = 'running'
              AND NOT EXISTS (SELECT 1 FROM job_details d WHERE d.job_id = j.job_id
                              AND d.status IN ('pending', 'running'))
            """;
    static final String SELECT_PENDING_DAYS = "SELECT * FROM job_details WHERE job_id = ? AND status = 'pending'";
    static final String SELECT_UNFINISHED_DAYS = """
            SELECT * FROM job_details WHERE job_id = ? AND status IN ('pending', 'running')
            """;
    static final String CANCEL_PENDING_DAYS = """
            UPDATE job_details SET status = 'cancelled', error = ?, completed_at = ?
            WHERE job_id = ? AND status = 'pending'
            """;
    static final String CANCEL_UNFINISHED_DAYS = """
            UPDATE job_details SET status = 'cancelled', error = ?, completed_at = ?
            WHERE job_id = ? AND status IN ('pending', 'running')
            """;

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AuditRepository audit;
    private final InstanceIdentity instance;
    private final Database database;

    JobRepository(@Storage DataSource dataSource, ObjectMapper json, AuditRepository audit, InstanceIdentity instance,
            Database database) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.database = database;
        this.json = json;
        this.audit = audit;
    }

    /** Inserts a job and its model-days on the caller's connection (part of the trigger's transaction). */
    void persist(Connection conn, JobRecord job, List<PlannedDay> days) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT_JOB)) {
            ps.setString(1, job.jobId());
            ps.setString(2, job.status().wire());
            ps.setString(3, job.configPath());
            ps.setString(4, job.configJson());
            ps.setString(5, toJson(job.dateRange().stream().map(LocalDate::toString).toList()));
            ps.setString(6, toJson(job.models()));
            ps.setString(7, job.workKey());
            ps.setInt(8, job.replaceExisting() ? 1 : 0);
            ps.setString(9, toJson(job.warnings()));
            ps.setString(10, job.triggeredBy());
            ps.setString(11, job.createdAt());
            ps.setString(12, job.createdAt());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement(INSERT_DETAIL)) {
            for (PlannedDay day : days) {
                ps.setString(1, job.jobId());
                ps.setString(2, day.model());
                ps.setString(3, day.date().toString());
                ps.setString(4, day.status().wire());
                ps.setString(5, day.reason());
                ps.setString(6, day.status() == ModelDayStatus.PENDING ? null : job.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        audit.persist(conn, AuditEvent.job(job.jobId(), AuditEvent.CREATED,
                days.size() + " model-days from " + job.configPath(), job.triggeredBy()));
    }

    public Optional<JobRecord> findById(String jobId) {
        return queryJobs(SELECT_JOB, jobId).stream().findFirst();
    }

    public Optional<JobRecord> findLatest() {
        return queryJobs(SELECT_LATEST).stream().findFirst();
    }

    public List<JobRecord> listActive() {
        return queryJobs(SELECT_ACTIVE);
    }

    List<JobRecord> listActive(Connection conn) throws SQLException {
        return queryJobs(conn, SELECT_ACTIVE);
    }

    public List<JobRecord> list(JobStatus status, int limit, int offset) {
        String wire = status == null ? null : status.wire();
        return queryJobs(SELECT_PAGE, wire, wire, limit, offset);
    }

    public List<ModelDay> details(String jobId) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(SELECT_DETAILS)) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ModelDay> days = new ArrayList<>();
                while (rs.next()) {
                    // by position: a status object of a big job maps thousands of rows
                    days.add(new ModelDay(rs.getLong(1), jobId, rs.getString(2), LocalDate.parse(rs.getString(3)),
                            ModelDayStatus.fromWire(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
                return days;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the model-days of a job", e);
        }
    }

    /** A job's model-days counted by status (indexed by ordinal), and the first running one. */
    public record Counts(int total, int[] byStatus, JobStatusView.Current current) {
    }

    /** The progress counts of a job without reading every model-day (job lists poll this). */
    public Counts progress(String jobId) {
        try (Connection conn = dataSource.getConnection()) {
            int[] byStatus = new int[ModelDayStatus.values().length];
            int total = 0;
            try (PreparedStatement ps = conn.prepareStatement(COUNT_BY_STATUS)) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(2);
                        byStatus[ModelDayStatus.fromWire(rs.getString(1)).ordinal()] += n;
                        total += n;
                    }
                }
            }
            JobStatusView.Current current = null;
            if (byStatus[ModelDayStatus.RUNNING.ordinal()] > 0) {
                try (PreparedStatement ps = conn.prepareStatement(SELECT_CURRENT)) {
                    ps.setString(1, jobId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            current = new JobStatusView.Current(LocalDate.parse(rs.getString(1)), rs.getString(2));
                        }
                    }
                }
            }
            return new Counts(total, byStatus, current);
        } catch (SQLException e) {
            throw new StoreException("Could not count the model-days of a job", e);
        }
    }

    private static List<ModelDay> mapDays(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<ModelDay> days = new ArrayList<>();
            while (rs.next()) {
                days.add(new ModelDay(rs.getLong("id"), rs.getString("job_id"), rs.getString("model"),
                        LocalDate.parse(rs.getString("date")), ModelDayStatus.fromWire(rs.getString("status")),
                        rs.getString("started_at"), rs.getString("completed_at"), rs.getString("error")));
            }
            return days;
        }
    }

    /** Moves a job to {@code status}; the audit trail notes its start (downloading_data) and its end. */
    public void updateStatus(String jobId, JobStatus status, String error) {
        updateStatus(jobId, status, error, null);
    }

    /** As above; {@code actor} (null: the job's trigger) is who ended it. */
    public void updateStatus(String jobId, JobStatus status, String error, String actor) {
        inTransaction("Could not update a job", conn -> {
            updateStatus(conn, jobId, status, error, actor);
            return null;
        });
    }

    private void updateStatus(Connection conn, String jobId, JobStatus status, String error, String actor)
            throws SQLException {
        String now = Timestamps.now();
        boolean started = status == JobStatus.DOWNLOADING_DATA || status == JobStatus.RUNNING;
        boolean finished = !status.active();
        Sql.update(conn, UPDATE_STATUS, status.wire(), now, started, now, finished, now, error, jobId);
        if (status == JobStatus.DOWNLOADING_DATA) {
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.STARTED, null, null));
        } else if (finished) {
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.FINISHED,
                    status.wire() + (error == null ? "" : ": " + error), actor));
        }
    }

    /**
     * Gives a running job its final status, with its audit row, unless model-days are still pending or running or it
     * ended already; false when it wrote nothing.
     */
    public boolean finishIdle(String jobId, JobStatus status, String error) {
        return inTransaction("Could not finish a job", conn -> {
            String now = Timestamps.now();
            try (PreparedStatement ps = conn.prepareStatement(FINISH_IDLE)) {
                Sql.bind(ps, status.wire(), now, now, error, jobId, jobId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.FINISHED,
                    status.wire() + (error == null ? "" : ": " + error), null));
            return true;
        });
    }

    public void updateWarnings(String jobId, List<String> warnings) {
        update(UPDATE_WARNINGS, toJson(warnings), Timestamps.now(), jobId);
    }

    /**
     * Ends a model-day that is still {@code from} (pending or running) with {@code status} and its audit row; false,
     * writing nothing, when it left that state meanwhile (a cancel or the watchdog decided first).
     */
    public boolean endDay(ModelDay day, ModelDayStatus from, ModelDayStatus status, String error) {
        return inTransaction("Could not update a model-day", conn -> {
            if (!endDay(conn, day, from, status, error)) {
                return false;
            }
            audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(), status.wire(), error, null));
            return true;
        });
    }

    private boolean endDay(Connection conn, ModelDay day, ModelDayStatus from, ModelDayStatus status, String error)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(END_DAY)) {
            Sql.bind(ps, status.wire(), error, Timestamps.now(), day.id(), from.wire(), instance.id());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Marks a running model-day completed on the caller's connection; false when it is no longer running (the
     * watchdog or a cancel decided first), in which case the caller must roll back.
     */
    boolean completeRunningDay(Connection conn, long detailId) throws SQLException {
        try (PreparedStatement ps = Statements.prepare(conn, COMPLETE_RUNNING_DAY)) {
            Sql.bind(ps, Timestamps.now(), detailId, instance.id());
            return ps.executeUpdate() == 1;
        }
    }

    /** Fails the job's model-days running since before {@code startedBefore}, with audit rows; returns how many. */
    public int failOverdueDays(String jobId, String startedBefore) {
        return inTransaction("Could not fail overdue model-days", conn -> {
            List<ModelDay> overdue = select(conn, SELECT_OVERDUE_DAYS, jobId, startedBefore);
            if (overdue.isEmpty()) {
                return 0;
            }
            Sql.update(conn, FAIL_OVERDUE_DAYS, Timestamps.now(), OVERDUE_REASON, jobId, startedBefore);
            audit.persistAll(conn, overdue.stream().map(d -> AuditEvent.dayEnded(d.jobId(), d.model(), d.date(),
                    ModelDayStatus.FAILED.wire(), OVERDUE_REASON, null)).toList());
            return overdue.size();
        });
    }

    /** Running jobs none of whose model-days is pending or running any more. */
    public List<String> runningJobsWithoutWork() {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(SELECT_RUNNING_WITHOUT_WORK);
                ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("Could not read running jobs", e);
        }
    }

    /** Cancels the job's pending model-days, with their audit rows; returns how many. */
    public int cancelPendingDays(String jobId, String reason) {
        return inTransaction("Could not cancel model-days", conn -> cancelPendingDays(conn, jobId, reason, null));
    }

    /**
     * Cancels an active job in one transaction: the audit's "cancelled" row, its pending model-days, its final
     * status; {@code actor} is who asked. Returns how many model-days were cancelled, or -1 (nothing written) when
     * the job had ended meanwhile.
     */
    public int cancel(String jobId, String actor) {
        return inTransaction("Could not cancel the job", conn -> {
            // the row lock makes another instance's concurrent finish wait, then find the job ended
            List<JobRecord> job = queryJobs(conn, SELECT_JOB + database.forUpdate(), jobId);
            if (job.isEmpty() || !job.get(0).status().active()) {
                return -1;
            }
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.CANCELLED, null, actor));
            int cancelled = cancelPendingDays(conn, jobId, "The job was cancelled", actor);
            updateStatus(conn, jobId, JobStatus.CANCELLED, null, actor);
            return cancelled;
        });
    }

    private int cancelPendingDays(Connection conn, String jobId, String reason, String actor) throws SQLException {
        List<ModelDay> pending = select(conn, SELECT_PENDING_DAYS, jobId);
        if (pending.isEmpty()) {
            return 0;
        }
        Sql.update(conn, CANCEL_PENDING_DAYS, reason, Timestamps.now(), jobId);
        audit.persistAll(conn, pending.stream().map(d -> AuditEvent.dayEnded(jobId, d.model(), d.date(),
                ModelDayStatus.CANCELLED.wire(), reason, actor)).toList());
        return pending.size();
    }

    /**
     * Ends a job as failed in one transaction, with its audit rows; its pending and running model-days become
     * cancelled. Returns how many model-days were cancelled.
     */
    public int failJob(String jobId, String error) {
        return inTransaction("Could not store the job's failure", conn -> {
            String reason = "The job failed: " + error;
            List<ModelDay> unfinished = select(conn, SELECT_UNFINISHED_DAYS, jobId);
            if (!unfinished.isEmpty()) {
                Sql.update(conn, CANCEL_UNFINISHED_DAYS, reason, Timestamps.now(), jobId);
                audit.persistAll(conn, unfinished.stream().map(d -> AuditEvent.dayEnded(jobId, d.model(), d.date(),
                        ModelDayStatus.CANCELLED.wire(), reason, null)).toList());
            }
            updateStatus(conn, jobId, JobStatus.FAILED, error, null);
            return unfinished.size();
        });
    }

    private static List<ModelDay> select(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            Sql.bind(ps, params);
            return mapDays(ps);
        }
    }

    private <T> T inTransaction(String failure, Sql.SqlWork<T> work) {
        return Sql.inTransaction(dataSource, failure, work);
    }

    private List<JobRecord> queryJobs(String sql, Object... params) {
        try (Connection conn = dataSource.getConnection()) {
            return queryJobs(conn, sql, params);
        } catch (SQLException e) {
            throw new StoreException("Could not read jobs", e);
        }
    }

    private List<JobRecord> queryJobs(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<JobRecord> jobs = new ArrayList<>();
                while (rs.next()) {
                    jobs.add(mapJob(rs));
                }
                return jobs;
            }
        }
    }

    private JobRecord mapJob(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("job_id"), JobStatus.fromWire(rs.getString("status")),
                rs.getString("config_path"), rs.getString("config_json"),
                fromJson(rs.getString("date_range")).stream().map(LocalDate::parse).toList(),
                fromJson(rs.getString("models")), rs.getString("work_key"), rs.getInt("replace_existing") == 1,
                fromJson(rs.getString("warnings")), rs.getString("error"), rs.getString("triggered_by"),
                rs.getString("created_at"), rs.getString("started_at"), rs.getString("updated_at"),
                rs.getString("completed_at"));
    }

    private void update(String sql, Object... params) {
        try (Connection conn = dataSource.getConnection()) {
            Sql.update(conn, sql, params);
        } catch (SQLException e) {
            throw new StoreException("Could not update a job", e);
        }
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt list column", e);
        }
    }
}
