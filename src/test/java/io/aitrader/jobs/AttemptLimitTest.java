package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.config.ConfigService;
import io.aitrader.jobs.events.JobAddresses;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.eventbus.EventBus;

/**
 * MAX_DAY_ATTEMPTS (default 3) bounds how often a model-day runs: a day left running under a lapsed lease (its
 * instance crashed) is attempted again, and one whose attempts are used up ends failed with attempts_exhausted and
 * the story of each attempt, while the model's later days still run. The interrupted state is written as a crash
 * leaves it.
 */
@QuarkusTest
class AttemptLimitTest {

    private static final String CONFIG = "configs/jobs_attempts.json";
    private static final String MODEL = "attempts-mock";

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    StoredConfigs storedConfigs;

    @Inject
    ConfigService configs;

    @Inject
    EventBus bus;

    @Test
    void aDayWhoseAttemptsAreUsedUpFailsAndTheNextDayStillRuns() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        String jobId = insertInterruptedJob(3, "crashed-1", "attempt 1: storage fault: disk full; attempt 2: the "
                + "lease of crashed-0 lapsed (the instance stopped or crashed)");
        bus.send(JobAddresses.RUN, jobId);

        JsonPath end = awaitEnd(jobId);
        assertEquals("partial", end.getString("status"), end::prettify);
        Map<String, Object> first = day(end, "2025-07-14");
        assertEquals("failed", first.get("status"));
        String error = (String) first.get("error");
        assertTrue(error.startsWith("attempts_exhausted: 3 attempts (MAX_DAY_ATTEMPTS=3)"), error);
        assertTrue(error.contains("attempt 1: storage fault: disk full"), error);
        assertTrue(error.contains("attempt 3: the lease of crashed-1 lapsed"), error);
        assertEquals("completed", day(end, "2025-07-15").get("status"), "the next day runs from the last final state");

        List<Map<String, Object>> audit = given().queryParam("job_id", jobId).when().get("/simulate/audit").then()
                .statusCode(200).extract().jsonPath().getList("entries");
        assertTrue(audit.stream().anyMatch(e -> "model_day_failed".equals(e.get("event"))
                && "2025-07-14".equals(e.get("date"))
                && String.valueOf(e.get("detail")).startsWith("attempts_exhausted")), audit.toString());
        assertEquals(0, ledgerRows("2025-07-14"), "the exhausted day never ran again");
    }

    @Test
    void anInterruptedDayIsAttemptedAgainAndTheAttemptIsAudited() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        String jobId = insertInterruptedJob(1, "crashed-2", null);
        bus.send(JobAddresses.RUN, jobId);

        JsonPath end = awaitEnd(jobId);
        assertEquals("completed", end.getString("status"), end::prettify);
        assertEquals(2, attempts(jobId, "2025-07-14"), "the take-over is the day's second attempt");
        assertEquals(1, attempts(jobId, "2025-07-15"));
        List<Map<String, Object>> audit = given().queryParam("job_id", jobId).when().get("/simulate/audit").then()
                .statusCode(200).extract().jsonPath().getList("entries");
        assertTrue(audit.stream().anyMatch(e -> "resumed".equals(e.get("event"))
                && String.valueOf(e.get("detail")).contains("2025-07-14 taken over by ")
                && String.valueOf(e.get("detail")).contains(" as attempt 2 of 3;")
                && String.valueOf(e.get("detail")).contains("attempt 1: the lease of crashed-2 lapsed")),
                audit.toString());
        assertEquals(1, ledgerRows("2025-07-14"));
    }

    private static Map<String, Object> day(JsonPath status, String date) {
        List<Map<String, Object>> days = status.getList("progress.details");
        return days.stream().filter(d -> date.equals(d.get("date"))).findFirst().orElseThrow();
    }

    /** A running job as a crash leaves it: 07-14 running under a lapsed lease, 07-15 pending. */
    private String insertInterruptedJob(int attempts, String owner, String log) throws SQLException {
        String jobId = UUID.randomUUID().toString();
        String now = Timestamps.now();
        try (Connection conn = dataSource.getConnection()) {
            Jdbc.update(conn, "DELETE FROM trading_days WHERE model = ?", MODEL);
            Jdbc.update(conn, """
                    INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key,
                                      created_at, updated_at, started_at)
                    VALUES (?, 'running', ?, ?, '["2025-07-14","2025-07-15"]', '["attempts-mock"]', ?, ?, ?, ?)""",
                    jobId, CONFIG, storedConfigs.toJson(configs.load(CONFIG)), "attempts-" + jobId, now, now, now);
            Jdbc.update(conn, """
                    INSERT INTO job_details (job_id, model, date, status, started_at, lease_owner, lease_expires,
                                             attempts, attempt_log)
                    VALUES (?, ?, '2025-07-14', 'running', ?, ?, '2025-01-01T00:00:00.000Z', ?, ?)""",
                    jobId, MODEL, now, owner, attempts, log);
            Jdbc.update(conn, "INSERT INTO job_details (job_id, model, date, status) VALUES (?, ?, '2025-07-15', "
                    + "'pending')", jobId, MODEL);
        }
        return jobId;
    }

    private int attempts(String jobId, String date) throws SQLException {
        return count("SELECT attempts FROM job_details WHERE job_id = ? AND date = ?", jobId, date);
    }

    private int ledgerRows(String date) throws SQLException {
        return count("SELECT count(*) FROM trading_days WHERE model = ? AND date = ?", MODEL, date);
    }

    private int count(String sql, Object... params) throws SQLException {
        try (Connection conn = dataSource.getConnection(); var ps = conn.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
