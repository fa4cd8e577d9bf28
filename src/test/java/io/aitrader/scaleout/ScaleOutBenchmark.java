package io.aitrader.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.reliability.RunningApp;

/**
 * Job wall time and throughput on one SQLite instance and on one, two and three instances sharing PostgreSQL, for a
 * provider-bound job (10 slow mocks × 20 days, at most 4 model-days at once per instance) and an orchestration-bound
 * one (30 instant mocks × 20 days). Prints a table; asserts nothing. Run with bench/scale-out.sh.
 */
class ScaleOutBenchmark {

    static final String SLOW = """
            {"config_path": "configs/scale_out.json", "start_date": "2025-03-03", "end_date": "2025-03-28"}""";
    static final String INSTANT = """
            {"config_path": "configs/scale_out_instant.json", "start_date": "2025-03-03", "end_date": "2025-03-28"}""";
    static final Map<String, String> SETTINGS = Map.of("MAX_PARALLEL_MODELS", "4");
    static final int REPEATS = Integer.getInteger("repeats", 2);

    record Run(String database, int instances, String workload, int modelDays, double seconds, String spread) {
        String row() {
            return String.format("| %-10s | %d | %-34s | %4d | %6.2f s | %7.1f | %s |", database, instances, workload,
                    modelDays, seconds, modelDays / seconds, spread);
        }
    }

    @Test
    void measure() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            runs.add(sqlite("10 slow mocks x 20 days", SLOW));
            runs.add(sqlite("30 instant mocks x 20 days", INSTANT));
            for (int instances = 1; instances <= 3; instances++) {
                runs.add(postgres(instances, "10 slow mocks x 20 days", SLOW));
                runs.add(postgres(instances, "30 instant mocks x 20 days", INSTANT));
            }
        }
        System.out.println("\n| database | instances | workload | model-days | job wall time | model-days/s | "
                + "model-days per instance |");
        System.out.println("|---|---|---|---|---|---|---|");
        runs.forEach(run -> System.out.println(run.row()));
    }

    private static Run sqlite(String workload, String trigger) throws Exception {
        Path dataDir = Files.createTempDirectory("bench-sqlite").resolve("data");
        try (RunningApp app = RunningApp.start(dataDir, SETTINGS)) {
            JsonNode end = timed(app, app, trigger);
            return new Run("SQLite", 1, workload, end.path("progress").path("completed").asInt(),
                    end.path("seconds").asDouble(), "-");
        }
    }

    private static Run postgres(int instances, String workload, String trigger) throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(instances, db.url(), SETTINGS)) {
            JsonNode end = timed(cluster.get(0), cluster.get(instances - 1), trigger);
            try (Connection conn = db.connect()) {
                return new Run("PostgreSQL", instances, workload, end.path("progress").path("completed").asInt(),
                        end.path("seconds").asDouble(), spread(conn));
            }
        }
    }

    /** Triggers on one instance, polls another until the job ends; the status object gains "seconds". */
    private static JsonNode timed(RunningApp triggerOn, RunningApp pollOn, String trigger) throws Exception {
        long start = System.nanoTime();
        String jobId = triggerOn.trigger(trigger);
        JsonNode end = pollOn.awaitEnd(jobId, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        ((ObjectNode) end).put("seconds", seconds);
        return end;
    }

    private static String spread(Connection conn) throws SQLException {
        Map<String, Long> owners = new TreeMap<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT lease_owner, count(*) FROM job_details WHERE status = 'completed' GROUP BY lease_owner")) {
            while (rs.next()) {
                owners.put(rs.getString(1).replaceAll("-[0-9a-f]{8}$", ""), rs.getLong(2));
            }
        }
        return owners.toString();
    }
}
