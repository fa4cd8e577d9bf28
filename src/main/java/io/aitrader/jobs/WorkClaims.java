package io.aitrader.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ServiceSettings;
import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.database.Storage;

/**
 * Claims on work for instances sharing one PostgreSQL (contract 7): a job to prepare, or runnable model-days (no
 * earlier day of the same model in the job still pending or running), each locked with {@code FOR UPDATE SKIP LOCKED}
 * so concurrent claimers never block each other or take the same row, and held by a lease the owner renews. An
 * expired lease makes the work claimable again; the day commit checks the owner, so a day is committed once.
 */
@ApplicationScoped
public class WorkClaims {

    static final String RUNNABLE = """
            j.status = 'running'
              AND (d.status = 'pending' OR (d.status = 'running' AND d.lease_expires < ?))
              AND NOT EXISTS (SELECT 1 FROM job_details p WHERE p.job_id = d.job_id AND p.model = d.model
                              AND p.date < d.date AND p.status IN ('pending', 'running'))
            """;
    static final String SELECT_RUNNABLE = """
            SELECT d.id, d.job_id, d.model, d.date, d.status, d.lease_owner FROM job_details d
            JOIN jobs j ON j.job_id = d.job_id
            WHERE %s %s
            ORDER BY j.created_at, d.date, d.model LIMIT ?
            FOR UPDATE OF d SKIP LOCKED
            """;
    static final String CLAIM_DAY = """
            UPDATE job_details SET status = 'running', started_at = ?, error = NULL, lease_owner = ?, lease_expires = ?
            WHERE id = ?
            """;
    static final String SELECT_PREPARABLE = """
            SELECT job_id FROM jobs WHERE status IN ('pending', 'downloading_data')
              AND (lease_expires IS NULL OR lease_expires < ?) %s
            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """;
    static final String CLAIM_JOB = "UPDATE jobs SET lease_owner = ?, lease_expires = ? WHERE job_id = ?";
    static final String RELEASE_JOB = """
            UPDATE jobs SET lease_owner = NULL, lease_expires = NULL WHERE job_id = ? AND lease_owner = ?
            """;
    static final String RELEASE_DAY = """
            UPDATE job_details SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND status = 'running'
            """;
    // Only work still in progress here is renewed, and never a lease that lapsed (given up, or this instance stalled
    // past it): that work may be claimed again.
    static final String RENEW_DAYS = """
            UPDATE job_details SET lease_expires = ?
            WHERE id = ANY (?) AND lease_owner = ? AND status = 'running' AND lease_expires > ?
            """;
    static final String RENEW_JOBS = """
            UPDATE jobs SET lease_expires = ?
            WHERE job_id = ANY (?) AND lease_owner = ? AND status IN ('pending', 'downloading_data') AND lease_expires > ?
            """;
    static final String EXPIRE_DAYS = """
            UPDATE job_details SET lease_expires = ? WHERE lease_owner = ? AND status = 'running'
            """;
    static final String EXPIRE_JOBS = """
            UPDATE jobs SET lease_expires = ? WHERE lease_owner = ? AND status IN ('pending', 'downloading_data')
            """;
    static final String SELECT_ENDED = "SELECT job_id FROM jobs WHERE job_id = ? AND status NOT IN "
            + "('pending', 'downloading_data', 'running')";

    private final DataSource dataSource;
    private final AuditRepository audit;
    private final InstanceIdentity instance;
    private final ServiceSettings settings;
    private final JobMetrics metrics;

    WorkClaims(@Storage DataSource dataSource, AuditRepository audit, InstanceIdentity instance,
            ServiceSettings settings, JobMetrics metrics) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.audit = audit;
        this.instance = instance;
        this.settings = settings;
    }

    /** Claims up to {@code limit} runnable model-days, of {@code jobId} only when given. */
    List<ModelDay> claimDays(int limit, String jobId) {
        return claim(limit, jobId == null ? "" : "AND d.job_id = ?", jobId);
    }

    /** Claims the next day of {@code model} in {@code jobId}, so a model's days tend to stay on one instance. */
    Optional<ModelDay> claimNext(String jobId, String model) {
        return claim(1, "AND d.job_id = ? AND d.model = ?", jobId, model).stream().findFirst();
    }

    private List<ModelDay> claim(int limit, String filter, String... params) {
        String now = Timestamps.now();
        int[] takenOverCount = {0};
        List<ModelDay> claimed = inTransaction("Could not claim model-days", conn -> {
            List<ModelDay> days = new ArrayList<>();
            List<String> takenOver = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(SELECT_RUNNABLE.formatted(RUNNABLE, filter))) {
                int i = 1;
                ps.setString(i++, now);
                for (String param : params) {
                    if (param != null) {
                        ps.setString(i++, param);
                    }
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(new ModelDay(rs.getLong(1), rs.getString(2), rs.getString(3),
                                LocalDate.parse(rs.getString(4)), ModelDayStatus.RUNNING, now, null, null));
                        takenOver.add("running".equals(rs.getString(5)) ? rs.getString(6) : null);
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(CLAIM_DAY)) {
                for (ModelDay day : days) {
                    Sql.bind(ps, now, instance.id(), leaseEnd(), day.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (int i = 0; i < days.size(); i++) {
                if (takenOver.get(i) != null) {
                    ModelDay day = days.get(i);
                    audit.persist(conn, AuditEvent.job(day.jobId(), AuditEvent.RESUMED, day.model() + " "
                            + day.date() + " taken over by " + instance.id() + ": the lease of " + takenOver.get(i)
                            + " expired", null));
                }
            }
            takenOverCount[0] = (int) takenOver.stream().filter(Objects::nonNull).count();
            return days;
        });
        metrics.takenOver(takenOverCount[0]); // counted once the claim is committed
        return claimed;
    }

    /** Claims a job waiting for its preparation (new, or its preparer's lease expired), of {@code jobId} if given. */
    Optional<String> claimPreparation(String jobId) {
        return inTransaction("Could not claim a job", conn -> {
            String id = null;
            try (PreparedStatement ps = conn.prepareStatement(
                    SELECT_PREPARABLE.formatted(jobId == null ? "" : "AND job_id = ?"))) {
                ps.setString(1, Timestamps.now());
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
                Sql.update(conn, CLAIM_JOB, instance.id(), leaseEnd(), id);
            }
            return Optional.ofNullable(id);
        });
    }

    void releasePreparation(String jobId) {
        inTransaction("Could not release a job", conn -> Sql.update(conn, RELEASE_JOB, jobId, instance.id()));
    }

    /** Lets this instance's lease on a running model-day lapse now. */
    void release(long dayId) {
        inTransaction("Could not give up a lease",
                conn -> Sql.update(conn, RELEASE_DAY, Timestamps.format(Instant.EPOCH),
                        dayId, instance.id()));
    }

    /** Extends this instance's leases on the model-days it is running and the jobs it is preparing. */
    void renew(Collection<Long> dayIds, Collection<String> jobIds) {
        inTransaction("Could not renew leases", conn -> {
            String until = leaseEnd();
            String now = Timestamps.now();
            return Sql.update(conn, RENEW_DAYS, until, conn.createArrayOf("bigint", dayIds.toArray()), instance.id(),
                    now)
                    + Sql.update(conn, RENEW_JOBS, until, conn.createArrayOf("text", jobIds.toArray()), instance.id(),
                            now);
        });
    }

    /** Lets every lease of this instance expire now (it is stopping): other instances take the work over at once. */
    void expireAll() {
        inTransaction("Could not give up leases", conn -> {
            String past = Timestamps.format(Instant.EPOCH);
            return Sql.update(conn, EXPIRE_DAYS, past, instance.id())
                    + Sql.update(conn, EXPIRE_JOBS, past, instance.id());
        });
    }

    /** Those of {@code jobIds} that have ended (cancelled, or failed elsewhere). */
    List<String> ended(Collection<String> jobIds) {
        List<String> ended = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(SELECT_ENDED)) {
            for (String jobId : jobIds) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ended.add(jobId);
                    }
                }
            }
            return ended;
        } catch (SQLException e) {
            throw new StoreException("Could not read job states", e);
        }
    }

    private String leaseEnd() {
        return Timestamps.format(Instant.now().plusSeconds(settings.workLeaseSeconds()));
    }

    private <T> T inTransaction(String failure, Sql.SqlWork<T> work) {
        return Sql.inTransaction(dataSource, failure, work);
    }
}
