package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** After a mock job, the meters at /q/metrics moved by exactly the job's model-days, model calls and tool calls. */
@QuarkusTest
class MetricsTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void countersAndHistogramsMatchTheJob() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        MetricsScrape before = MetricsScrape.take();
        String jobId = trigger(Map.of("config_path", "configs/ops_metrics.json", "start_date", "2025-08-04",
                "end_date", "2025-08-06", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        JsonPath status = awaitEnd(jobId);
        assertEquals("completed", status.getString("status"));
        int days = status.getInt("progress.completed");
        assertEquals(6, days);
        MetricsScrape after = MetricsScrape.take();

        assertEquals(days, delta(before, after, "aitrader_model_days_total", "outcome=\"completed\""));
        assertEquals(0, delta(before, after, "aitrader_model_days_total", "outcome=\"failed\""));
        assertEquals(days, delta(before, after, "aitrader_model_day_duration_seconds_count",
                "outcome=\"completed\""));
        assertEquals(days, delta(before, after, "aitrader_model_day_duration_seconds_bucket",
                "outcome=\"completed\"", "le=\"+Inf\""));
        assertEquals(1, delta(before, after, "aitrader_jobs_finished_total", "status=\"completed\""));

        long toolCalls = number("""
                SELECT sum(u.calls) FROM tool_usage u JOIN trading_days t ON u.trading_day_id = t.id
                WHERE t.job_id = ?""", jobId);
        long modelCalls = number("SELECT sum(total_steps) FROM trading_days WHERE job_id = ?", jobId);
        long inputTokens = number("""
                SELECT sum(r.input_tokens) FROM reasoning_logs r JOIN trading_days t ON r.trading_day_id = t.id
                WHERE t.job_id = ?""", jobId);
        assertTrue(toolCalls > days && modelCalls >= days, toolCalls + " tool calls, " + modelCalls + " calls");
        assertEquals(toolCalls, delta(before, after, "aitrader_tool_calls_total"));
        assertEquals(toolCalls, delta(before, after, "aitrader_tool_calls_total", "outcome=\"ok\"")
                + delta(before, after, "aitrader_tool_calls_total", "outcome=\"refused\""));
        assertEquals(modelCalls, delta(before, after, "aitrader_llm_calls_seconds_count", "provider=\"mock\"",
                "outcome=\"success\""));
        assertEquals(inputTokens, delta(before, after, "aitrader_llm_tokens_total", "provider=\"mock\"",
                "type=\"input\""));
        assertEquals(0, delta(before, after, "aitrader_llm_retries_total", "provider=\"mock\""));

        assertEquals(0, after.sum("aitrader_jobs_active"));
        assertEquals(0, after.sum("aitrader_model_days_running"));
        assertEquals(0, after.sum("aitrader_model_days_queued"));
        assertTrue(after.has("aitrader_price_downloads_total"));
        Log.infof("/q/metrics after job %s:%n%s", jobId, sample(after.text));
    }

    private static long delta(MetricsScrape before, MetricsScrape after, String name, String... labels) {
        return Math.round(after.sum(name, labels) - before.sum(name, labels));
    }

    private long number(String sql, String jobId) throws SQLException {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    /** The service's own series, for the report. */
    private static String sample(String text) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.contains("aitrader_") && !line.startsWith("# HELP")) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }
}
