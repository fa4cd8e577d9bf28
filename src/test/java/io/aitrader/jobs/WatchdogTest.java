package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitIdle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.config.AgentSettings;
import io.aitrader.config.ConfigService;
import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.schedule.ScheduledWork;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The watchdog fails a model-day running past its job's own day timeout (plus a minute of grace), not the default
 * config's: a day 20 minutes in is overdue for a job with a 60 s timeout and not for one with an hour.
 */
@QuarkusTest
class WatchdogTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    StoredConfigs storedConfigs;

    @Inject
    ConfigService configs;

    @Test
    void eachJobsOwnDayTimeoutDecides() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        String started = Timestamps.format(Instant.now().minus(20, ChronoUnit.MINUTES));
        String patient = insertRunningJob(3600, started);
        String strict = insertRunningJob(60, started);
        try {
            scheduledWork.watchdog("test");

            assertEquals("running", dayStatus(patient), "within its own hour");
            assertEquals("failed", dayStatus(strict), "past its own 60 s (+ 60 s grace)");
        } finally {
            end(patient);
            end(strict);
        }
    }

    private String insertRunningJob(int dayTimeoutSeconds, String startedAt) throws SQLException {
        SimulationConfig base = configs.defaultConfig();
        AgentSettings a = base.agentConfig();
        SimulationConfig config = new SimulationConfig(base.agentType(), base.dateRange(), base.models(),
                new AgentSettings(a.maxSteps(), a.maxRetries(), a.baseDelaySeconds(), a.initialCash(),
                        a.callTimeoutSeconds(), dayTimeoutSeconds),
                base.symbols(), base.benchmark());
        String jobId = UUID.randomUUID().toString();
        String now = Timestamps.now();
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key,
                                      created_at, updated_at)
                    VALUES (?, 'running', 'watchdog', ?, '["2025-06-02"]', '["watchdog-mock"]', ?, ?, ?)""")) {
                ps.setString(1, jobId);
                ps.setString(2, storedConfigs.toJson(config));
                ps.setString(3, "watchdog-" + jobId);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO job_details (job_id, model, date, status, started_at)
                    VALUES (?, 'watchdog-mock', '2025-06-02', 'running', ?)""")) {
                ps.setString(1, jobId);
                ps.setString(2, startedAt);
                ps.executeUpdate();
            }
        }
        return jobId;
    }

    private String dayStatus(String jobId) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("SELECT status FROM job_details WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Leaves nothing active behind for the other tests. */
    private void end(String jobId) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            for (String sql : new String[]{
                    "UPDATE job_details SET status = 'failed' WHERE job_id = ? AND status = 'running'",
                    "UPDATE jobs SET status = 'failed' WHERE job_id = ? AND status = 'running'"}) {
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    ps.setString(1, jobId);
                    ps.executeUpdate();
                }
            }
        }
    }
}
