package io.aitrader.jobs.claims;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.JobsSettings;
import io.aitrader.jobs.store.DatabaseClock;
import io.aitrader.jobs.store.InstanceIdentity;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * This instance's leases on the work it claimed ({@link WorkClaims}): renewed while the work runs, given up when it
 * cannot go on here, all let go when the instance stops, and on SQLite, the only instance, those of its previous life
 * lapsed at start. Times come from the database's clock.
 */
@ApplicationScoped
public class Leases {

    static final String RELEASE_JOB = """
            UPDATE jobs SET lease_owner = NULL, lease_expires = NULL WHERE job_id = ? AND lease_owner = ?
            """;
    /** The reason is kept in the day's error until the next attempt notes it in the attempt log. */
    static final String RELEASE_DAY = """
            UPDATE job_details SET lease_expires = ?, error = ? WHERE id = ? AND lease_owner = ? AND status = 'running'
            """;
    // Only work still in progress here is renewed, and never a lease that lapsed (given up, or this instance stalled
    // past it): that work may be claimed again.
    static final String RENEW_DAY = """
            UPDATE job_details SET lease_expires = ?
            WHERE id = ? AND lease_owner = ? AND status = 'running' AND lease_expires > ?
            """;
    static final String RENEW_JOB = """
            UPDATE jobs SET lease_expires = ?
            WHERE job_id = ? AND lease_owner = ? AND status IN ('pending', 'downloading_data') AND lease_expires > ?
            """;
    static final String EXPIRE_DAYS = """
            UPDATE job_details SET lease_expires = ? WHERE lease_owner = ? AND status = 'running'
            """;
    static final String EXPIRE_JOBS = """
            UPDATE jobs SET lease_expires = ? WHERE lease_owner = ? AND status IN ('pending', 'downloading_data')
            """;
    static final String LAPSE_DAYS = "UPDATE job_details SET lease_expires = ? WHERE status = 'running'";
    static final String LAPSE_JOBS = """
            UPDATE jobs SET lease_expires = ? WHERE status IN ('pending', 'downloading_data') AND lease_owner IS NOT NULL
            """;
    static final String SELECT_ENDED = "SELECT job_id FROM jobs WHERE job_id = ? AND status NOT IN "
            + JobStatus.ACTIVE_SQL;

    private static final String PAST = Timestamps.format(Instant.EPOCH);

    private final DataSource dataSource;
    private final InstanceIdentity instance;
    private final JobsSettings settings;
    private final DatabaseClock clock;
    private final Database database;

    Leases(@Storage DataSource dataSource, InstanceIdentity instance, JobsSettings settings, DatabaseClock clock,
            Database database) {
        this.dataSource = dataSource;
        this.instance = instance;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
    }

    public void releasePreparation(String jobId) {
        inTransaction("Could not release a job", conn -> Jdbc.update(conn, RELEASE_JOB, jobId, instance.id()));
    }

    /** Lets this instance's lease on a running model-day lapse now; {@code reason} says why (the attempt log). */
    public void release(long dayId, String reason) {
        inTransaction("Could not give up a lease",
                conn -> Jdbc.update(conn, RELEASE_DAY, PAST, reason, dayId, instance.id()));
    }

    /** Extends this instance's leases on the model-days it is running and the jobs it is preparing. */
    public void renew(Collection<Long> dayIds, Collection<String> jobIds) {
        if (dayIds.isEmpty() && jobIds.isEmpty()) {
            return;
        }
        inTransaction("Could not renew leases", conn -> {
            String now = Timestamps.format(clock.now(conn));
            String until = leaseEnd(now);
            try (PreparedStatement days = conn.prepareStatement(RENEW_DAY);
                    PreparedStatement jobs = conn.prepareStatement(RENEW_JOB)) {
                for (Long id : dayIds) {
                    Jdbc.bind(days, until, id, instance.id(), now);
                    days.addBatch();
                }
                for (String id : jobIds) {
                    Jdbc.bind(jobs, until, id, instance.id(), now);
                    jobs.addBatch();
                }
                days.executeBatch();
                jobs.executeBatch();
            }
            return null;
        });
    }

    /** Lets every lease of this instance expire now (it is stopping): other instances take the work over at once. */
    public void expireAll() {
        inTransaction("Could not give up leases", conn -> Jdbc.update(conn, EXPIRE_DAYS, PAST, instance.id())
                + Jdbc.update(conn, EXPIRE_JOBS, PAST, instance.id()));
    }

    /**
     * The only instance on its database starts: every lease there is its previous life's, so they lapse now and the
     * interrupted work is taken over as any lapsed lease is (recovery after a crash or a stop).
     */
    public int lapseAll() {
        return inTransaction("Could not recover interrupted work",
                conn -> Jdbc.update(conn, LAPSE_DAYS, PAST) + Jdbc.update(conn, LAPSE_JOBS, PAST));
    }

    /** True on SQLite: one instance only, so every lease found at start is its previous life's. */
    public boolean soleInstance() {
        return !database.postgres();
    }

    /** Those of {@code jobIds} that have ended (cancelled, or failed elsewhere). */
    public List<String> ended(Collection<String> jobIds) {
        return Jdbc.withConnection(dataSource, "Could not read job states", conn -> {
            List<String> ended = new ArrayList<>();
            for (String jobId : jobIds) {
                Jdbc.find(conn, SELECT_ENDED, rs -> jobId, jobId).ifPresent(ended::add);
            }
            return ended;
        });
    }

    private String leaseEnd(String now) {
        return Timestamps.plusSeconds(now, settings.workLeaseSeconds());
    }

    private <T> T inTransaction(String failure, Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, failure, work);
    }
}
