package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.aitrader.platform.database.Storage;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Engine figures for the jobs issue: model-days per second with an instant mock (20 models × 30 trading days) and a
 * slow-mock job's wall time against the ideal. Run: {@code ./mvnw verify -Dtest=EngineBenchmark -Dbenchmark=true
 * -DskipITs}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EngineBenchmark {

    // 30 trading days: 2025-07-01 .. 2025-08-12 (July 4th closed).
    static final Map<String, Object> RANGE = Map.of("start_date", "2025-07-01", "end_date", "2025-08-12");

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void throughputAndParallelEfficiency() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            clear("bench-instant-%");
            JsonPath status = run("configs/bench_instant.json");
            double seconds = seconds(status);
            if (run > 0) { // the first run warms up the JIT
                rates.add(status.getInt("progress.completed") / seconds);
            }
        }
        Collections.sort(rates);
        clear("bench-slow-%");
        JsonPath slow = run("configs/bench_slow.json");
        // The slowest model: 50 ms per call; count its calls from the recorded steps.
        long slowestCalls = calls("bench-slow-4");
        double ideal = slowestCalls * 0.050;
        double wall = seconds(slow);
        String report = String.format(
                """

                        ENGINE BENCHMARK (%d cores)
                        instant mock, 20 models x 30 days: median %.0f model-days/s (runs: %s)
                        slow mocks (10..50 ms per call) x 30 days: wall %.2f s, ideal %.2f s (slowest model's %d calls), ratio %.3f
                        """,
                Runtime.getRuntime().availableProcessors(), rates.get(rates.size() / 2), rates, wall, ideal,
                slowestCalls, wall / ideal);
        Log.info(report);
        System.out.println(report); // the benchmark's output is its product
    }

    private JsonPath run(String config) {
        Map<String, Object> body = new java.util.HashMap<>(RANGE);
        body.put("config_path", config);
        body.put("replace_existing", true);
        String jobId = trigger(body).then().statusCode(202).extract().path("job_id");
        return awaitEnd(jobId);
    }

    private static double seconds(JsonPath status) {
        return Duration.between(Instant.parse(status.getString("started_at")),
                Instant.parse(status.getString("completed_at"))).toMillis() / 1000.0;
    }

    private long calls(String model) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                Statement st = conn.createStatement();
                var rs = st.executeQuery("SELECT sum(total_steps) FROM trading_days WHERE model = '" + model + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void clear(String pattern) throws SQLException {
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            st.executeUpdate("DELETE FROM trading_days WHERE model LIKE '" + pattern + "'");
        }
    }
}
