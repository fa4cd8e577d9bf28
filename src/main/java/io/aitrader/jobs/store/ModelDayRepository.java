package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.DayCost;
import io.aitrader.cost.StoredCost;
import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * The model-days of jobs (table job_details): each ends once, with its audit row in the same transaction. The job's
 * own row is {@link JobRepository}'s; claims and leases on model-days are {@code jobs.claims}'.
 */
@ApplicationScoped
public class ModelDayRepository {

    static final String INSERT = """
            INSERT INTO job_details (job_id, model, date, status, error, completed_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    static final String SELECT_BY_JOB = """
            SELECT id, model, date, status, started_at, completed_at, error, %s FROM job_details WHERE job_id = ?
            ORDER BY date, model
            """.formatted(StoredCost.COLUMNS);
    private static final int FIRST_COST_COLUMN = 8;
    /** Per status: how many, their known costs summed, and how many made calls of unknown cost. */
    static final String COUNT_BY_STATUS = """
            SELECT status, COUNT(*), SUM(cost_usd), SUM(CASE WHEN llm_calls > 0 AND cost_usd IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'skipped' AND error LIKE 'budget_exhausted%' THEN 1 ELSE 0 END)
            FROM job_details WHERE job_id = ? GROUP BY status
            """;
    static final String SELECT_CURRENT = """
            SELECT date, model FROM job_details WHERE job_id = ? AND status = 'running' ORDER BY date, model LIMIT 1
            """;
    static final String COMPLETE_RUNNING = """
            UPDATE job_details SET status = 'completed', error = NULL, completed_at = ?, %s
            WHERE id = ? AND status = 'running' AND (lease_owner IS NULL OR lease_owner = ?)
            """.formatted(StoredCost.SET);
    static final String END = """
            UPDATE job_details SET status = ?, error = ?, completed_at = ?, %s
            WHERE id = ? AND status = ? AND (lease_owner IS NULL OR lease_owner = ?)
            """.formatted(StoredCost.SET);
    static final String SELECT_SPENT = """
            SELECT SUM(cost_usd), SUM(CASE WHEN model = ? THEN cost_usd END) FROM job_details WHERE job_id = ?
            """;
    static final String SELECT_OVERDUE = """
            SELECT * FROM job_details WHERE job_id = ? AND status = 'running' AND started_at < ?
            """;
    static final String OVERDUE_REASON = "The model-day exceeded its timeout and was stopped by the watchdog";
    static final String FAIL_OVERDUE = """
            UPDATE job_details SET status = 'failed', completed_at = ?, error = ?
            WHERE job_id = ? AND status = 'running' AND started_at < ?
            """;
    static final String SELECT_PENDING = "SELECT * FROM job_details WHERE job_id = ? AND status = 'pending'";
    static final String SELECT_UNFINISHED = """
            SELECT * FROM job_details WHERE job_id = ? AND status IN ('pending', 'running')
            """;
    static final String CANCEL_PENDING = """
            UPDATE job_details SET status = 'cancelled', error = ?, completed_at = ?
            WHERE job_id = ? AND status = 'pending'
            """;
    static final String CANCEL_UNFINISHED = """
            UPDATE job_details SET status = 'cancelled', error = ?, completed_at = ?
            WHERE job_id = ? AND status IN ('pending', 'running')
            """;

    /**
     * A job's model-days counted by status (indexed by ordinal), the first running one, and what the job cost in USD
     * (null when some day made calls of unknown cost).
     */
    /** {@code budgetSkipped}: the model-days a spending cap skipped. */
    public record Counts(int total, int[] byStatus, CurrentDay current, BigDecimal costUsd, int budgetSkipped) {
    }

    private final DataSource dataSource;
    private final AuditRepository audit;
    private final InstanceIdentity instance;
    private final ModelCallRepository modelCalls;

    ModelDayRepository(@Storage DataSource dataSource, AuditRepository audit, InstanceIdentity instance,
            ModelCallRepository modelCalls) {
        this.modelCalls = modelCalls;
        this.dataSource = dataSource;
        this.audit = audit;
        this.instance = instance;
    }

    /** Inserts the job's planned model-days on the caller's connection (part of the trigger's transaction). */
    void persistAll(Connection conn, JobRecord job, List<PlannedDay> days) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
            for (PlannedDay day : days) {
                Jdbc.bind(ps, job.jobId(), day.model(), day.date().toString(), day.status().wire(), day.reason(),
                        day.status() == ModelDayStatus.PENDING ? null : job.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The job's model-days by date, then model. */
    public List<ModelDay> listByJob(String jobId) {
        // by position: a status object of a big job maps thousands of rows
        return Jdbc.list(dataSource, "Could not read the model-days of a job", SELECT_BY_JOB,
                rs -> new ModelDay(rs.getLong(1), jobId, rs.getString(2), LocalDate.parse(rs.getString(3)),
                        ModelDayStatus.fromWire(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        StoredCost.read(rs, FIRST_COST_COLUMN)),
                jobId);
    }

    /** The progress counts and the cost of a job without reading every model-day (job lists poll this). */
    public Counts countByStatus(String jobId) {
        return Jdbc.withConnection(dataSource, "Could not count the model-days of a job", conn -> {
            int[] byStatus = new int[ModelDayStatus.values().length];
            int[] total = {0};
            BigDecimal[] cost = {BigDecimal.ZERO};
            int[] budgetSkipped = {0};
            Jdbc.forEach(conn, COUNT_BY_STATUS, rs -> {
                int n = rs.getInt(2);
                byStatus[ModelDayStatus.fromWire(rs.getString(1)).ordinal()] += n;
                total[0] += n;
                double known = rs.getDouble(3);
                boolean unknown = rs.getInt(4) > 0;
                cost[0] = cost[0] == null || unknown ? null : cost[0].add(BigDecimal.valueOf(known));
                budgetSkipped[0] += rs.getInt(5);
            }, jobId);
            CurrentDay current = byStatus[ModelDayStatus.RUNNING.ordinal()] == 0
                    ? null
                    : Jdbc.find(conn, SELECT_CURRENT,
                            rs -> new CurrentDay(LocalDate.parse(rs.getString(1)), rs.getString(2)), jobId)
                            .orElse(null);
            return new Counts(total[0], byStatus, current, cost[0], budgetSkipped[0]);
        });
    }

    /**
     * Ends a model-day that is still {@code from} (pending or running) with {@code status} and its audit row; false,
     * writing nothing, when it left that state meanwhile (a cancel or the watchdog decided first).
     */
    public boolean updateEnded(ModelDay day, ModelDayStatus from, ModelDayStatus status, String error) {
        return updateEnded(day, from, status, error, null, DayCalls.NONE);
    }

    /**
     * As above, keeping what the day's model calls used and cost ({@code cost} null: it made none) and their
     * recordings: they were paid for, and tell why the day failed.
     */
    public boolean updateEnded(ModelDay day, ModelDayStatus from, ModelDayStatus status, String error,
            DayCost cost, DayCalls calls) {
        return Jdbc.inTransaction(dataSource, "Could not update a model-day", conn -> {
            if (Jdbc.update(conn, END, StoredCost.params(new Object[]{status.wire(), error, Timestamps.now()}, cost,
                    day.id(), from.wire(), instance.id())) != 1) {
                return false;
            }
            audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(), status.wire(), error, null));
            modelCalls.persistAll(conn, day.jobId(), day.model(), day.date(), calls);
            return true;
        });
    }

    /**
     * Marks a running model-day completed on the caller's connection; false when it is no longer running (the
     * watchdog or a cancel decided first), in which case the caller must roll back.
     */
    public boolean updateCompleted(Connection conn, long id, DayCost cost) throws SQLException {
        return Jdbc.update(conn, COMPLETE_RUNNING, StoredCost.params(new Object[]{Timestamps.now()}, cost, id,
                instance.id())) == 1;
    }

    /** What the job has spent so far, and what {@code model} has within it; a day of unknown cost counts 0. */
    public record Spent(BigDecimal job, BigDecimal model) {
    }

    public Spent findSpent(String jobId, String model) {
        return Jdbc.find(dataSource, "Could not read what the job spent", SELECT_SPENT,
                rs -> new Spent(amount(rs, 1), amount(rs, 2)), model, jobId).orElse(
                        new Spent(BigDecimal.ZERO,
                                BigDecimal.ZERO));
    }

    private static BigDecimal amount(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? BigDecimal.ZERO : BigDecimal.valueOf(value);
    }

    /** Fails the job's model-days running since before {@code startedBefore}, with audit rows; returns how many. */
    public int updateFailedOverdue(String jobId, String startedBefore) {
        return Jdbc.inTransaction(dataSource, "Could not fail overdue model-days", conn -> {
            List<ModelDay> overdue = Jdbc.list(conn, SELECT_OVERDUE, ModelDayRepository::modelDay, jobId,
                    startedBefore);
            if (overdue.isEmpty()) {
                return 0;
            }
            Jdbc.update(conn, FAIL_OVERDUE, Timestamps.now(), OVERDUE_REASON, jobId, startedBefore);
            audit.persistAll(conn, overdue.stream().map(d -> AuditEvent.dayEnded(d.jobId(), d.model(), d.date(),
                    ModelDayStatus.FAILED.wire(), OVERDUE_REASON, null)).toList());
            return overdue.size();
        });
    }

    /** Cancels the job's pending model-days, with their audit rows; returns how many. */
    public int updateCancelledPending(String jobId, String reason) {
        return Jdbc.inTransaction(dataSource, "Could not cancel model-days",
                conn -> updateCancelledPending(conn, jobId, reason, null));
    }

    /** As above on the caller's connection; {@code actor} (null: the job's trigger) is who asked. */
    int updateCancelledPending(Connection conn, String jobId, String reason, String actor) throws SQLException {
        return cancel(conn, SELECT_PENDING, CANCEL_PENDING, jobId, reason, actor);
    }

    /** Cancels the job's pending and running model-days on the caller's connection, with their audit rows. */
    int updateCancelledUnfinished(Connection conn, String jobId, String reason) throws SQLException {
        return cancel(conn, SELECT_UNFINISHED, CANCEL_UNFINISHED, jobId, reason, null);
    }

    private int cancel(Connection conn, String select, String update, String jobId, String reason, String actor)
            throws SQLException {
        List<ModelDay> days = Jdbc.list(conn, select, ModelDayRepository::modelDay, jobId);
        if (days.isEmpty()) {
            return 0;
        }
        Jdbc.update(conn, update, reason, Timestamps.now(), jobId);
        audit.persistAll(conn, days.stream().map(d -> AuditEvent.dayEnded(jobId, d.model(), d.date(),
                ModelDayStatus.CANCELLED.wire(), reason, actor)).toList());
        return days.size();
    }

    private static ModelDay modelDay(ResultSet rs) throws SQLException {
        return new ModelDay(rs.getLong("id"), rs.getString("job_id"), rs.getString("model"),
                LocalDate.parse(rs.getString("date")), ModelDayStatus.fromWire(rs.getString("status")),
                rs.getString("started_at"), rs.getString("completed_at"), rs.getString("error"));
    }
}
