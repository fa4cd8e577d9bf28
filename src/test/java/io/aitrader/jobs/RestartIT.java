package io.aitrader.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.aitrader.cli.PackagedApp;

/**
 * Kills the packaged app (SIGKILL) in the middle of a multi-model job, starts it again on the same database, and
 * checks that the job resumes and ends with every model-day exactly once and a ledger identical to an uninterrupted
 * run of the same job.
 */
class RestartIT {

    static final String TRIGGER = """
            {"config_path": "configs/jobs_restart.json", "start_date": "2025-03-03", "end_date": "2025-03-12"}""";
    static final int MODEL_DAYS = 3 * 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void killedJobResumesWithEveryModelDayExactlyOnce() throws Exception {
        Path killedDir = Files.createTempDirectory("restart-killed");
        Path cleanDir = Files.createTempDirectory("restart-clean");

        int port = freePort();
        Process app = start(killedDir, port);
        String jobId = triggerJob(port);
        awaitCompleted(port, jobId, 5);
        app.destroyForcibly().waitFor();
        int doneBeforeKill = completedInDb(killedDir);
        assertTrue(doneBeforeKill < MODEL_DAYS, "the kill came before the end");

        Process again = start(killedDir, port);
        try {
            String status = awaitEnd(port, jobId);
            assertEquals("completed", status);
        } finally {
            again.destroy();
            again.waitFor();
        }

        Process clean = start(cleanDir, port);
        try {
            assertEquals("completed", awaitEnd(port, triggerJob(port)));
        } finally {
            clean.destroy();
            clean.waitFor();
        }
        assertEquals(MODEL_DAYS, count(killedDir, "SELECT count(*) FROM trading_days"));
        assertEquals(MODEL_DAYS, count(killedDir, "SELECT count(*) FROM job_details WHERE status = 'completed'"));
        assertEquals(ledger(cleanDir), ledger(killedDir), "the resumed ledger equals an uninterrupted run");
        // the audit trail tells the same story: one resume, a second start, each model-day's end exactly once
        assertEquals(1, count(killedDir, "SELECT count(*) FROM audit_log WHERE event = 'resumed'"));
        assertEquals(2, count(killedDir, "SELECT count(*) FROM audit_log WHERE event = 'started'"));
        assertEquals(MODEL_DAYS, count(killedDir,
                "SELECT count(DISTINCT model || date) FROM audit_log WHERE event = 'model_day_completed'"));
        assertEquals(MODEL_DAYS, count(killedDir,
                "SELECT count(*) FROM audit_log WHERE event = 'model_day_completed'"));
        assertEquals(1, count(killedDir, "SELECT count(*) FROM audit_log WHERE event = 'finished'"));
    }

    private Process start(Path dataDir, int port) throws Exception {
        // The jar, or the native executable when the build made one.
        ProcessBuilder builder = new ProcessBuilder(PackagedApp.launcher());
        builder.environment().putAll(Map.of("API_PORT", String.valueOf(port), "DATA_DIR", dataDir.toString(),
                "CONFIGS_DIR", "src/test/resources/configs", "DEFAULT_CONFIG_PATH",
                "src/test/resources/configs/default_config.json"));
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + System.nanoTime() + ".log").toFile());
        Process process = builder.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, "/health").statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not start; see " + dataDir);
    }

    private String triggerJob(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/simulate/trigger")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TRIGGER)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return field(response.body(), "job_id");
    }

    private void awaitCompleted(int port, String jobId, int atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String body = get(port, "/simulate/status/" + jobId).body();
            if (Integer.parseInt(field(body, "completed")) >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no progress");
    }

    private String awaitEnd(int port, String jobId) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String status = field(get(port, "/simulate/status/" + jobId).body(), "status");
            if (JobsTestSupport.ENDED.contains(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not end");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " missing in " + json);
        }
        return m.group(1);
    }

    private static int completedInDb(Path dataDir) throws SQLException {
        return (int) count(dataDir, "SELECT count(*) FROM trading_days");
    }

    private static long count(Path dataDir, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("jobs.db"));
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> ledger(Path dataDir) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("jobs.db"));
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(
                        """
                                SELECT t.model, t.date, t.cash, t.ending_value, t.profit,
                                       (SELECT group_concat(a.action || ' ' || a.amount || ' ' || a.symbol || '@' || a.price, ';')
                                        FROM actions a WHERE a.trading_day_id = t.id) AS trades,
                                       (SELECT group_concat(h.symbol || '=' || h.shares, ';')
                                        FROM holdings h WHERE h.trading_day_id = t.id) AS holdings
                                FROM trading_days t ORDER BY t.model, t.date""")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7));
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
