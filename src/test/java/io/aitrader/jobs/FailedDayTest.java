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
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A model-day that fails mid-way leaves nothing behind, and the next day chains from the last completed one. */
@QuarkusTest
class FailedDayTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void failedDayLeavesNoPartialRowsAndTheNextDayChainsFromTheLastCompletedOne() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/jobs_failure.json", "start_date", "2025-08-18",
                "end_date", "2025-08-20", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        JsonPath status = awaitEnd(jobId);
        assertEquals("partial", status.getString("status"));
        List<Map<String, Object>> details = status.getList("progress.details");
        Map<String, Object> failed = details.stream().filter(d -> "2025-08-19".equals(d.get("date"))).findFirst()
                .orElseThrow();
        assertEquals("failed", failed.get("status"));
        assertTrue(String.valueOf(failed.get("error")).contains("outage"), String.valueOf(failed.get("error")));

        assertEquals(0, count("SELECT count(*) FROM trading_days WHERE model = 'fail-mock' AND date = '2025-08-19'"));
        assertEquals(0, count("""
                SELECT count(*) FROM reasoning_logs r JOIN trading_days t ON r.trading_day_id = t.id
                WHERE t.model = 'fail-mock' AND t.date = '2025-08-19'"""));
        double mondayEnd = value(
                "SELECT ending_value FROM trading_days WHERE model = 'fail-mock' AND date = '2025-08-18'");
        double wednesdayPrevious = value(
                "SELECT previous_value FROM trading_days WHERE model = 'fail-mock' AND date = '2025-08-20'");
        assertEquals(mondayEnd, wednesdayPrevious, 1e-9, "Wednesday chains from Monday, the last completed day");
        double mondayCash = value("SELECT cash FROM trading_days WHERE model = 'fail-mock' AND date = '2025-08-18'");
        String prompt = text("""
                SELECT r.content FROM reasoning_logs r JOIN trading_days t ON r.trading_day_id = t.id
                WHERE t.model = 'fail-mock' AND t.date = '2025-08-20' AND r.role = 'system'""");
        assertTrue(prompt.contains("\"CASH\":" + new java.math.BigDecimal(String.valueOf(mondayCash))
                .stripTrailingZeros().toPlainString()), prompt);
    }

    private long count(String sql) throws SQLException {
        return (long) value(sql);
    }

    private double value(String sql) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getDouble(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
