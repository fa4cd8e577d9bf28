package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.testing.ChainCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Two overlapping jobs of the same models at once (MAX_CONCURRENT_JOBS=2): the second job's days after the first
 * job's range wait until the first job's last day of that model is final, so every day starts from a final state and
 * the books recompute from the orders alone across both jobs.
 */
@QuarkusTest
@TestProfile(TwoJobsProfile.class)
class ChainAcrossJobsTest {

    static final String CONFIG = "configs/chain_across_jobs.json";
    static final List<String> MODELS = List.of("chain-mock-a", "chain-mock-b");

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aLaterJobsDaysStartFromTheEarlierJobsFinalDays() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        try (Connection conn = dataSource.getConnection()) {
            for (String model : MODELS) {
                Jdbc.update(conn, "DELETE FROM trading_days WHERE model = ?", model);
            }
        }
        String first = trigger(Map.of("config_path", CONFIG, "start_date", "2025-10-01", "end_date", "2025-10-10"))
                .then().statusCode(202).extract().path("job_id");
        JsonPath second = trigger(Map.of("config_path", CONFIG, "start_date", "2025-10-06", "end_date",
                "2025-10-14")).then().statusCode(202).extract().jsonPath();
        assertEquals(List.of("2025-10-13", "2025-10-14"), second.getList("date_range"), second::prettify);

        assertEquals("completed", awaitEnd(first).getString("status"));
        assertEquals("completed", awaitEnd(second.getString("job_id")).getString("status"));
        try (Connection conn = dataSource.getConnection()) {
            for (String model : MODELS) {
                String firstEnded = value(conn, "SELECT completed_at FROM job_details WHERE job_id = ? AND model = ?"
                        + " AND date = '2025-10-10'", first, model);
                String secondStarted = value(conn, "SELECT started_at FROM job_details WHERE job_id = ? AND model = ?"
                        + " AND date = '2025-10-13'", second.getString("job_id"), model);
                assertTrue(secondStarted.compareTo(firstEnded) >= 0,
                        model + " 10-13 started " + secondStarted + " before 10-10 ended " + firstEnded);
                assertEquals("10", value(conn, "SELECT count(*) FROM trading_days WHERE model = ? AND date <= ?",
                        model, "2025-10-14"));
                assertEquals(List.of(), ChainCheck.problems(conn, model, new BigDecimal("10000")), model);
            }
        }
    }

    private static String value(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }
}
