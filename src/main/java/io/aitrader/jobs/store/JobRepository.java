package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.trading.rules.TradingRules;

/**
 * Jobs (table jobs): a job's row and its status changes, each with its audit rows in the same transaction. Its
 * model-days are {@link ModelDayRepository}'s; a change that ends both (cancel, failure) is one transaction here.
 */
@ApplicationScoped
public class JobRepository {

    static final String INSERT = """
            INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key,
                              replace_existing, warnings, triggered_by, created_at, updated_at, max_cost_usd,
                              replay_of, rescore_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String SELECT_BY_ID = "SELECT * FROM jobs WHERE job_id = ?";
    static final String SELECT_LATEST = "SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT 1";
    static final String SELECT_ACTIVE = """
            SELECT * FROM jobs WHERE status IN %s ORDER BY created_at
            """.formatted(JobStatus.ACTIVE_SQL);
    static final String SELECT_PAGE = """
            SELECT * FROM jobs WHERE (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?
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
    static final String SELECT_RUNNING_WITHOUT_WORK = """
            SELECT j.job_id FROM jobs j WHERE j.status = 'running'
              AND NOT EXISTS (SELECT 1 FROM job_details d WHERE d.job_id = j.job_id
                              AND d.status IN ('pending', 'running'))
            """;

    private static final String READ_FAILURE = "Could not read jobs";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AuditRepository audit;
    private final ModelDayRepository days;
    private final Database database;

    JobRepository(@Storage DataSource dataSource, ObjectMapper json, AuditRepository audit, ModelDayRepository days,
            Database database) {
        this.dataSource = dataSource;
        this.days = days;
        this.database = database;
        this.json = json;
        this.audit = audit;
    }

    /** Inserts a job and its model-days on the caller's connection (part of the trigger's transaction). */
    public void persist(Connection conn, JobRecord job, List<PlannedDay> planned) throws SQLException {
        Jdbc.update(conn, INSERT, job.jobId(), job.status().wire(), job.configPath(), job.configJson(),
                toJson(job.dateRange().stream().map(LocalDate::toString).toList()), toJson(job.models()),
                job.workKey(), job.replaceExisting(), toJson(job.warnings()), job.triggeredBy(), job.createdAt(),
                job.createdAt(), job.maxCostUsd(), job.replayOf(), job.rescoreOf());
        days.persistAll(conn, job, planned);
        audit.persist(conn, AuditEvent.job(job.jobId(), AuditEvent.CREATED,
                planned.size() + " model-days from " + job.configPath(), job.triggeredBy()));
    }

    public Optional<JobRecord> findById(String jobId) {
        return Jdbc.find(dataSource, READ_FAILURE, SELECT_BY_ID, this::job, jobId);
    }

    public Optional<JobRecord> findLatest() {
        return Jdbc.find(dataSource, READ_FAILURE, SELECT_LATEST, this::job);
    }

    public List<JobRecord> listActive() {
        return Jdbc.list(dataSource, READ_FAILURE, SELECT_ACTIVE, this::job);
    }

    public List<JobRecord> listActive(Connection conn) throws SQLException {
        return Jdbc.list(conn, SELECT_ACTIVE, this::job);
    }

    /** A page of jobs, newest first; {@code status} null: every status. */
    public List<JobRecord> listByStatus(JobStatus status, int limit, int offset) {
        String wire = status == null ? null : status.wire();
        return Jdbc.list(dataSource, READ_FAILURE, SELECT_PAGE, this::job, wire, wire, limit, offset);
    }

    /** Running jobs none of whose model-days is pending or running any more. */
    public List<String> listRunningWithoutWork() {
        return Jdbc.list(dataSource, "Could not read running jobs", SELECT_RUNNING_WITHOUT_WORK, rs -> rs.getString(1));
    }

    /** Moves a job to {@code status}; the audit trail notes its start (downloading_data) and its end. */
    public void updateStatus(String jobId, JobStatus status, String error) {
        Jdbc.inTransaction(dataSource, "Could not update a job", conn -> {
            updateStatus(conn, jobId, status, error, null);
            return null;
        });
    }

    /** As above on the caller's connection; {@code actor} (null: the job's trigger) is who ended it. */
    private void updateStatus(Connection conn, String jobId, JobStatus status, String error, String actor)
            throws SQLException {
        String now = Timestamps.now();
        boolean started = status == JobStatus.DOWNLOADING_DATA || status == JobStatus.RUNNING;
        boolean finished = !status.active();
        Jdbc.update(conn, UPDATE_STATUS, status.wire(), now, started, now, finished, now, error, jobId);
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
    public boolean updateFinishedIfIdle(String jobId, JobStatus status, String error) {
        return Jdbc.inTransaction(dataSource, "Could not finish a job", conn -> {
            String now = Timestamps.now();
            if (Jdbc.update(conn, FINISH_IDLE, status.wire(), now, now, error, jobId, jobId) == 0) {
                return false;
            }
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.FINISHED,
                    status.wire() + (error == null ? "" : ": " + error), null));
            return true;
        });
    }

    public void updateWarnings(String jobId, List<String> warnings) {
        Jdbc.update(dataSource, "Could not update a job", UPDATE_WARNINGS, toJson(warnings), Timestamps.now(), jobId);
    }

    /** Adds {@code warning} to the job's warnings unless it is there already. */
    public void addWarning(String jobId, String warning) {
        Jdbc.inTransaction(dataSource, "Could not update a job", conn -> {
            Optional<JobRecord> job = Jdbc.find(conn, SELECT_BY_ID, this::job, jobId);
            if (job.isPresent() && !job.get().warnings().contains(warning)) {
                List<String> warnings = new java.util.ArrayList<>(job.get().warnings());
                warnings.add(warning);
                Jdbc.update(conn, UPDATE_WARNINGS, toJson(warnings), Timestamps.now(), jobId);
            }
            return null;
        });
    }

    /**
     * Cancels an active job in one transaction: the audit's "cancelled" row, its pending model-days, its final
     * status; {@code actor} is who asked. Returns how many model-days were cancelled, or -1 (nothing written) when
     * the job had ended meanwhile.
     */
    public int updateCancelled(String jobId, String actor) {
        return Jdbc.inTransaction(dataSource, "Could not cancel the job", conn -> {
            // the row lock makes another instance's concurrent finish wait, then find the job ended
            Optional<JobRecord> job = Jdbc.find(conn, SELECT_BY_ID + database.forUpdate(), this::job, jobId);
            if (job.isEmpty() || !job.get().status().active()) {
                return -1;
            }
            audit.persist(conn, AuditEvent.job(jobId, AuditEvent.CANCELLED, null, actor));
            int cancelled = days.updateCancelledPending(conn, jobId, "The job was cancelled", actor);
            updateStatus(conn, jobId, JobStatus.CANCELLED, null, actor);
            return cancelled;
        });
    }

    /**
     * Ends a job as failed in one transaction, with its audit rows; its pending and running model-days become
     * cancelled. Returns how many model-days were cancelled.
     */
    public int updateFailed(String jobId, String error) {
        return Jdbc.inTransaction(dataSource, "Could not store the job's failure", conn -> {
            int cancelled = days.updateCancelledUnfinished(conn, jobId, "The job failed: " + error);
            updateStatus(conn, jobId, JobStatus.FAILED, error, null);
            return cancelled;
        });
    }

    private JobRecord job(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("job_id"), JobStatus.fromWire(rs.getString("status")),
                rs.getString("config_path"), rs.getString("config_json"),
                fromJson(rs.getString("date_range")).stream().map(LocalDate::parse).toList(),
                fromJson(rs.getString("models")), rs.getString("work_key"), rs.getInt("replace_existing") == 1,
                fromJson(rs.getString("warnings")), rs.getString("error"), rs.getString("triggered_by"),
                rs.getString("created_at"), rs.getString("started_at"), rs.getString("updated_at"),
                rs.getString("completed_at"), maxCost(rs), rs.getString("replay_of"), rs.getString("rescore_of"),
                rules(rs.getString("config_json")));
    }

    /** The trading rules in the job's stored config; NONE for configs stored before rules existed. */
    private TradingRules rules(String configJson) {
        try {
            JsonNode rules = json.readTree(configJson).get("rules");
            return rules == null || rules.isNull() ? TradingRules.NONE : json.treeToValue(rules, TradingRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt config column", e);
        }
    }

    private static BigDecimal maxCost(ResultSet rs) throws SQLException {
        double cap = rs.getDouble("max_cost_usd");
        return rs.wasNull() ? null : BigDecimal.valueOf(cap);
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
