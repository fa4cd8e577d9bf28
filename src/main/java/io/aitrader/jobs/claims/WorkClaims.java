package io.aitrader.jobs.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.JobsSettings;
import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.jobs.engine.ModelChain;
import io.aitrader.jobs.store.DatabaseClock;
import io.aitrader.jobs.store.InstanceIdentity;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;

/**
 * Claims on work, the same on both databases: a job to prepare, or runnable model-days, each held by a lease its
 * owner renews. A model-day is runnable when no earlier day of the same model is pending or running in any job, so
 * every day starts from a final state. An expired lease makes the work claimable again; the day commit checks the
 * owner, so a day is committed once. Each claim counts an attempt: a day claimed {@code MAX_DAY_ATTEMPTS} times ends
 * failed instead of running again. Times come from the database's clock. On PostgreSQL the claiming SELECT skips rows
 * other instances have locked; SQLite's IMMEDIATE transactions queue claimers instead.
 */
@ApplicationScoped
public class WorkClaims {

    static final String RUNNABLE = """
            j.status = 'running'
              AND (d.status = 'pending' OR (d.status = 'running' AND d.lease_expires < ?))
              AND NOT EXISTS (SELECT 1 FROM job_details p WHERE p.model = d.model AND p.date < d.date
                              AND p.status IN ('pending', 'running'))
            """;
    static final String SELECT_RUNNABLE = """
            SELECT d.id, d.job_id, d.model, d.date, d.status, d.lease_owner, d.attempts, d.error, d.attempt_log,
                   (SELECT MAX(t.date) FROM trading_days t WHERE t.model = d.model AND t.date < d.date)
            FROM job_details d JOIN jobs j ON j.job_id = d.job_id
            WHERE %s %s
            ORDER BY j.created_at, d.date, d.model LIMIT ?%s
            """;
    static final String CLAIM_DAY = """
            UPDATE job_details SET status = 'running', started_at = ?, error = NULL, lease_owner = ?,
                   lease_expires = ?, attempts = ?, attempt_log = ?
            WHERE id = ?
            """;
    static final String EXHAUST_DAY = """
            UPDATE job_details SET status = 'failed', error = ?, completed_at = ?, attempt_log = ? WHERE id = ?
            """;
    static final String SELECT_PREPARABLE = """
            SELECT job_id FROM jobs WHERE status IN ('pending', 'downloading_data')
              AND (lease_expires IS NULL OR lease_expires < ?) %s
            ORDER BY created_at LIMIT 1%s
            """;
    static final String CLAIM_JOB = "UPDATE jobs SET lease_owner = ?, lease_expires = ? WHERE job_id = ?";
    static final String EXHAUSTED = "attempts_exhausted";

    /** What one claim took: days to run, and days that ended failed because their attempts were used up. */
    public record Claimed(List<ClaimedDay> days, List<ModelDay> exhausted, int takenOver) {
    }

    /**
     * A claimed model-day and the ledger's latest day of its model before it, read in the claim: nothing of the model
     * before the day can be stored after that, so a pipeline's memory of its last day is right exactly when it is
     * that day ({@link ModelChain}).
     */
    public record ClaimedDay(ModelDay day, LocalDate storedBefore) {
    }

    private final DataSource dataSource;
    private final AuditRepository audit;
    private final InstanceIdentity instance;
    private final JobsSettings settings;
    private final DatabaseClock clock;
    private final Database database;
    /** The claiming SELECT of each filter, built once. */
    private final Map<String, String> claimSql = new ConcurrentHashMap<>();

    WorkClaims(@Storage DataSource dataSource, AuditRepository audit, InstanceIdentity instance,
            JobsSettings settings, DatabaseClock clock, Database database) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
    }

    /**
     * Claims up to {@code limit} runnable model-days, of {@code jobId} only when given; days {@code passOver}
     * accepts (running here already, or of a job stopped here) are left alone.
     */
    public Claimed claimDays(int limit, String jobId, Predicate<ModelDay> passOver) {
        return inTransaction("Could not claim model-days", conn -> claimDays(conn, limit, jobId, passOver));
    }

    /**
     * Claims the next day of {@code model} in {@code jobId} after {@code date}, so a model's days tend to stay on one
     * instance.
     */
    public Claimed claimNext(String jobId, String model, LocalDate date) {
        return inTransaction("Could not claim model-days", conn -> claimNext(conn, jobId, model, date));
    }

    /**
     * As above, on the caller's connection: a day's commit claims the model's next day with it. Only days after the
     * one just ended are read: none before it can be runnable, since it was claimed when none was pending or running.
     */
    public Claimed claimNext(Connection conn, String jobId, String model, LocalDate date) throws SQLException {
        return claim(conn, 1, "AND d.job_id = ? AND d.model = ? AND d.date > ?", d -> false, jobId, model,
                date.toString());
    }

    public Claimed claimDays(Connection conn, int limit, String jobId, Predicate<ModelDay> passOver)
            throws SQLException {
        return jobId == null
                ? claim(conn, limit, "", passOver)
                : claim(conn, limit, "AND d.job_id = ?", passOver, jobId);
    }

    private Claimed claim(Connection conn, int limit, String filter, Predicate<ModelDay> passOver, String... params)
            throws SQLException {
        String now = Timestamps.format(clock.now(conn));
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, claimSql.computeIfAbsent(filter,
                f -> SELECT_RUNNABLE.formatted(RUNNABLE, f, database.claimLock("d"))))) {
            int i = 1;
            ps.setString(i++, now);
            for (String param : params) {
                ps.setString(i++, param);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ModelDay day = new ModelDay(rs.getLong(1), rs.getString(2), rs.getString(3),
                            LocalDate.parse(rs.getString(4)), ModelDayStatus.RUNNING, now, null, null);
                    String storedBefore = rs.getString(10);
                    if (!passOver.test(day)) {
                        candidates.add(new Candidate(new ClaimedDay(day, storedBefore == null
                                ? null
                                : LocalDate.parse(storedBefore)), "running".equals(rs.getString(5)),
                                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
        }
        List<ClaimedDay> claimed = new ArrayList<>();
        List<ModelDay> exhausted = new ArrayList<>();
        int takenOver = 0;
        for (Candidate candidate : candidates) {
            if (candidate.interrupted() && candidate.attempts() >= settings.maxDayAttempts()) {
                exhausted.add(exhaust(conn, candidate, now));
                continue;
            }
            Jdbc.update(conn, CLAIM_DAY, now, instance.id(), leaseEnd(now), candidate.attempts() + 1,
                    candidate.log(), candidate.day().id());
            if (candidate.interrupted()) {
                takenOver++;
                ModelDay day = candidate.day();
                audit.persist(conn, AuditEvent.job(day.jobId(), AuditEvent.RESUMED, day.model() + " " + day.date()
                        + " taken over by " + instance.id() + " as attempt " + (candidate.attempts() + 1) + " of "
                        + settings.maxDayAttempts() + "; " + candidate.lastAttempt(), null));
            }
            claimed.add(candidate.claimed());
        }
        return new Claimed(claimed, exhausted, takenOver);
    }

    private ModelDay exhaust(Connection conn, Candidate candidate, String now) throws SQLException {
        ModelDay day = candidate.day();
        String error = EXHAUSTED + ": " + candidate.attempts() + " attempts (MAX_DAY_ATTEMPTS="
                + settings.maxDayAttempts() + ") did not end the model-day: " + candidate.log();
        Jdbc.update(conn, EXHAUST_DAY, error, now, candidate.log(), day.id());
        audit.persist(conn, AuditEvent.dayEnded(day.jobId(), day.model(), day.date(), ModelDayStatus.FAILED.wire(),
                error, null));
        return new ModelDay(day.id(), day.jobId(), day.model(), day.date(), ModelDayStatus.FAILED, null, now, error);
    }

    /** A runnable day as read: pending, or interrupted (running under a lapsed lease) with its attempts so far. */
    private record Candidate(ClaimedDay claimed, boolean interrupted, String owner, int attempts, String reason,
            String previousLog) {

        ModelDay day() {
            return claimed.day();
        }

        /** How the last attempt ended: the reason its owner gave when giving it up, else its lapsed lease. */
        String lastAttempt() {
            String how = reason != null
                    ? reason
                    : owner == null
                            ? "the service stopped during it"
                            : "the lease of " + owner + " lapsed (the instance stopped or crashed)";
            return "attempt " + attempts + ": " + how;
        }

        /** The attempt log with this claim's note of the last attempt, if it was interrupted. */
        String log() {
            if (!interrupted) {
                return previousLog;
            }
            return previousLog == null ? lastAttempt() : previousLog + "; " + lastAttempt();
        }
    }

    /** Claims a job waiting for its preparation (new, or its preparer's lease expired), of {@code jobId} if given. */
    public Optional<String> claimPreparation(String jobId) {
        return inTransaction("Could not claim a job", conn -> {
            String now = Timestamps.format(clock.now(conn));
            String id = null;
            try (PreparedStatement ps = conn.prepareStatement(SELECT_PREPARABLE.formatted(
                    jobId == null ? "" : "AND job_id = ?", database.claimLock("jobs")))) {
                ps.setString(1, now);
                if (jobId != null) {
                    ps.setString(2, jobId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getString(1);
                    }
                }
            }
            if (id != null) {
                Jdbc.update(conn, CLAIM_JOB, instance.id(), leaseEnd(now), id);
            }
            return Optional.ofNullable(id);
        });
    }

    private String leaseEnd(String now) {
        return Timestamps.plusSeconds(now, settings.workLeaseSeconds());
    }

    private <T> T inTransaction(String failure, Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, failure, work);
    }
}
