package io.aitrader.jobs.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.cost.DayCost;
import io.aitrader.jobs.store.DatabaseClock;
import io.aitrader.jobs.store.InstanceIdentity;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The claim and commit SQL on the database in use (SQLite, and PostgreSQL in the second run of the suite), one
 * connection per test whose transaction is rolled back: rows written here are never seen by the running engine. Each
 * test's model is new, so no other test's days stand before its days.
 */
@QuarkusTest
class WorkClaimsTest {

    private static final String PAST = "2025-01-01T00:00:00.000Z";
    private static final String FUTURE = "2999-01-01T00:00:00.000Z";

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    WorkClaims claims;

    @Inject
    ModelDayRepository jobs;

    @Inject
    InstanceIdentity instance;

    @Inject
    DatabaseClock clock;

    private Connection conn;
    private String model;

    @BeforeEach
    void open() throws SQLException {
        conn = dataSource.getConnection();
        conn.setAutoCommit(false);
        model = "claims-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void rollBack() throws SQLException {
        conn.rollback();
        conn.close();
    }

    @Test
    void aModelsDaysAreClaimedOneAtATimeInDateOrderAcrossJobs() throws SQLException {
        String first = job("running", "2025-01-01T00:00:00.000Z");
        String second = job("running", "2025-01-02T00:00:00.000Z");
        day(first, "2025-06-02", "pending", null, null, 0);
        day(first, "2025-06-03", "pending", null, null, 0);
        day(second, "2025-06-04", "pending", null, null, 0);

        WorkClaims.Claimed claim = claims.claimDays(conn, 10, null, d -> !d.model().equals(model));
        assertEquals(List.of("2025-06-02"), dates(claim.days()),
                "only the model's earliest open day is runnable");
        assertEquals("running", column(first, "2025-06-02", "status"));
        assertEquals(instance.id(), column(first, "2025-06-02", "lease_owner"));
        assertEquals("1", column(first, "2025-06-02", "attempts"));
        assertTrue(claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().isEmpty(),
                "while 06-02 runs, neither its job's 06-03 nor the other job's 06-04 may start");

        complete(first, "2025-06-02");
        Jdbc.update(conn,
                """
                        INSERT INTO trading_days (job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
                                                  return_pct, total_steps, stop_signal, created_at)
                        VALUES (?, ?, '2025-06-02', 1, 1, 1, 1, 0, 0, 1, 1, ?)""",
                first, model, PAST);
        WorkClaims.ClaimedDay third = claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().get(0);
        assertEquals("2025-06-03", third.day().date().toString());
        assertEquals("2025-06-02", String.valueOf(third.storedBefore()), "the ledger's last day before it");
        Jdbc.update(conn, "UPDATE job_details SET status = 'pending' WHERE id = ?", third.day().id());
        assertEquals(List.of("2025-06-03"), dates(claims.claimDays(conn, 10, null, d -> !d.model().equals(model))
                .days()), "the other job's later day still waits for 06-03");
        complete(first, "2025-06-03");
        assertEquals(List.of("2025-06-04"),
                dates(claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().stream()
                        .map(WorkClaims.ClaimedDay::day).toList()));
    }

    @Test
    void aLiveLeaseHoldsAndALapsedOneIsTakenOverAsTheNextAttempt() throws SQLException {
        String jobId = job("running", PAST);
        day(jobId, "2025-06-02", "running", "other-instance", FUTURE, 1);
        assertTrue(claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().isEmpty(),
                "a lease that has not lapsed is not taken over");

        set(jobId, "2025-06-02", "lease_expires", PAST);
        WorkClaims.Claimed claim = claims.claimDays(conn, 10, null, d -> !d.model().equals(model));
        assertEquals(List.of("2025-06-02"), dates(claim.days()));
        assertEquals(1, claim.takenOver());
        assertEquals("2", column(jobId, "2025-06-02", "attempts"));
        assertEquals(instance.id(), column(jobId, "2025-06-02", "lease_owner"));
        assertEquals("attempt 1: the lease of other-instance lapsed (the instance stopped or crashed)",
                column(jobId, "2025-06-02", "attempt_log"));
        assertTrue(audit(jobId).contains(model + " 2025-06-02 taken over by " + instance.id() + " as attempt 2 of 3"),
                audit(jobId));
    }

    @Test
    void aGivenUpDaySaysWhyAndItsLastAttemptEndsItFailed() throws SQLException {
        String jobId = job("running", PAST);
        day(jobId, "2025-06-02", "running", "other-instance", PAST, 3);
        set(jobId, "2025-06-02", "error", "storage fault: disk full");
        set(jobId, "2025-06-02", "attempt_log", "attempt 1: storage fault: disk I/O error; attempt 2: the lease "
                + "of a lapsed (the instance stopped or crashed)");
        day(jobId, "2025-06-03", "pending", null, null, 0);

        WorkClaims.Claimed claim = claims.claimDays(conn, 10, null, d -> !d.model().equals(model));
        assertTrue(claim.days().isEmpty(), "the later day waits until the exhausted one has ended (this claim)");
        assertEquals(List.of("2025-06-02"), dates(claim.exhausted()));
        assertEquals("failed", column(jobId, "2025-06-02", "status"));
        String error = column(jobId, "2025-06-02", "error");
        assertEquals("attempts_exhausted: 3 attempts (MAX_DAY_ATTEMPTS=3) did not end the model-day: attempt 1: "
                + "storage fault: disk I/O error; attempt 2: the lease of a lapsed (the instance stopped or crashed); "
                + "attempt 3: storage fault: disk full", error);
        assertTrue(audit(jobId).contains("attempts_exhausted"), audit(jobId));
        assertEquals(List.of("2025-06-03"),
                dates(claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().stream()
                        .map(WorkClaims.ClaimedDay::day).toList()));
    }

    @Test
    void onlyTheLeaseOwnerCommitsADay() throws SQLException {
        String jobId = job("running", PAST);
        long mine = day(jobId, "2025-06-02", "running", instance.id(), FUTURE, 1);
        long theirs = day(jobId, "2025-06-03", "running", "other-instance", FUTURE, 1);
        assertTrue(jobs.updateCompleted(conn, mine, DayCost.NONE));
        assertFalse(jobs.updateCompleted(conn, theirs, DayCost.NONE),
                "a take-over moved the lease: the old run's commit fails");
        assertFalse(jobs.updateCompleted(conn, mine, DayCost.NONE), "a day completes once");
        assertEquals("completed", column(jobId, "2025-06-02", "status"));
        assertEquals("running", column(jobId, "2025-06-03", "status"));
    }

    @Test
    void daysOfJobsNotRunningAndDaysPassedOverAreNotClaimed() throws SQLException {
        String preparing = job("downloading_data", PAST);
        day(preparing, "2025-06-02", "pending", null, null, 0);
        assertTrue(claims.claimDays(conn, 10, null, d -> !d.model().equals(model)).days().isEmpty());
        set(preparing, null, "status", "running");
        assertTrue(claims.claimDays(conn, 10, null, d -> true).days().isEmpty(), "passed over");
        assertEquals("pending", column(preparing, "2025-06-02", "status"));
        assertEquals(1, claims.claimDays(conn, 10, preparing, d -> false).days().size(), "scoped to its job");
    }

    @Test
    void theDatabaseClockGivesStoredTimeForm() throws SQLException {
        Instant db = clock.now(conn);
        assertTrue(Duration.between(db, Instant.now()).abs().toSeconds() < 5, db.toString());
        String claimedAt;
        String jobId = job("running", PAST);
        day(jobId, "2025-06-02", "pending", null, null, 0);
        claims.claimDays(conn, 1, jobId, d -> false);
        claimedAt = column(jobId, "2025-06-02", "started_at");
        assertEquals(24, claimedAt.length(), claimedAt);
        long lease = Timestamps.millis(column(jobId, "2025-06-02", "lease_expires")) - Timestamps.millis(claimedAt);
        assertEquals(30_000, lease, "WORK_LEASE_SECONDS from the claim's database time");
    }

    private String job(String status, String createdAt) throws SQLException {
        String jobId = UUID.randomUUID().toString();
        Jdbc.update(conn, """
                INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key, created_at,
                                  updated_at)
                VALUES (?, ?, 'claims', '{}', '[]', '[]', ?, ?, ?)""", jobId, status, jobId, createdAt, createdAt);
        return jobId;
    }

    private long day(String jobId, String date, String status, String owner, String expires, int attempts)
            throws SQLException {
        Jdbc.update(conn, """
                INSERT INTO job_details (job_id, model, date, status, started_at, lease_owner, lease_expires, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", jobId, model, date, status, PAST, owner, expires, attempts);
        return Long.parseLong(column(jobId, date, "id"));
    }

    private void complete(String jobId, String date) throws SQLException {
        assertTrue(jobs.updateCompleted(conn, Long.parseLong(column(jobId, date, "id")), DayCost.NONE));
    }

    private void set(String jobId, String date, String column, String value) throws SQLException {
        if (date == null) {
            Jdbc.update(conn, "UPDATE jobs SET " + column + " = ? WHERE job_id = ?", value, jobId);
        } else {
            Jdbc.update(conn, "UPDATE job_details SET " + column + " = ? WHERE job_id = ? AND date = ?", value, jobId,
                    date);
        }
    }

    private String column(String jobId, String date, String column) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT " + column + " FROM job_details WHERE job_id = ? AND date = ?")) {
            Jdbc.bind(ps, jobId, date);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no model-day " + date);
                return rs.getString(1);
            }
        }
    }

    private String audit(String jobId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT event, detail FROM audit_log WHERE job_id = ? ORDER BY id")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + ": " + rs.getString(2));
                }
            }
        }
        return String.join("\n", rows);
    }

    private static List<String> dates(List<?> days) {
        return days.stream().map(d -> d instanceof WorkClaims.ClaimedDay c ? c.day() : (ModelDay) d)
                .map(d -> d.date().toString()).toList();
    }
}
