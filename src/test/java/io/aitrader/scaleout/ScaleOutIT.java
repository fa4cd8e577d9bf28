package io.aitrader.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.cli.PackagedApp;
import io.aitrader.prices.AlphaVantageBodies;
import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.reliability.LedgerDump;
import io.aitrader.reliability.PortableLedger;
import io.aitrader.reliability.RunningApp;
import io.aitrader.testing.Await;
import io.aitrader.testing.ChainCheck;

/**
 * Several instances of the packaged app on one PostgreSQL (contract 7, issue 9): a job of 10 slow mock models × 20
 * days runs every model-day exactly once, spread over the instances, with a ledger identical to a single-instance run
 * on SQLite; a kill -9 of one instance mid-job loses and doubles nothing once its leases expire; concurrent triggers
 * sent to different instances create exactly the allowed number of jobs. Needs TEST_DATABASE_URL (.ci/run).
 */
class ScaleOutIT {

    static final String TRIGGER = """
            {"config_path": "configs/scale_out.json", "start_date": "2025-03-03", "end_date": "2025-03-28"}""";
    static final int MODEL_DAYS = 10 * 20;
    static final Duration RUN = Duration.ofMinutes(3);
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> reference;

    @BeforeAll
    static void singleInstanceRunOnSqlite() throws Exception {
        Path dataDir = Files.createTempDirectory("scale-out-reference").resolve("data");
        try (RunningApp app = RunningApp.start(dataDir)) {
            String jobId = app.trigger(TRIGGER);
            assertEquals("completed", app.awaitEnd(jobId, RUN).path("status").asText());
        }
        reference = LedgerDump.ledger(dataDir);
        assertEquals(MODEL_DAYS, reference.size());
    }

    @Test
    void threeInstancesRunEveryModelDayOnceSpreadOverThem() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(3, db.url(), Map.of("MAX_PARALLEL_MODELS", "4"))) {
            String jobId = cluster.get(0).trigger(TRIGGER);
            CompletableFuture<String> events = CompletableFuture.supplyAsync(() -> sse(cluster.get(1), jobId));
            JsonNode end = cluster.get(2).awaitEnd(jobId, RUN);

            assertEquals("completed", end.path("status").asText(), end.toString());
            assertEquals(MODEL_DAYS, end.path("progress").path("completed").asInt());
            try (Connection conn = db.connect()) {
                assertExactlyOnce(conn, jobId);
                Map<String, Long> byInstance = ownersOfCompletedDays(conn, jobId);
                System.out.println("Model-days per instance: " + byInstance);
                assertEquals(3, byInstance.size(), "every instance ran model-days: " + byInstance);
                assertEquals(reference, PortableLedger.lines(conn), "ledger identical to the single-instance run");
            }
            String stream = events.get(1, TimeUnit.MINUTES);
            assertTrue(stream.contains("\"status\":\"completed\",\"finished\":true")
                    || stream.contains("\"finished\":true"), "the SSE stream on another instance ends with the job");
            long completedEvents = stream.lines().filter(l -> l.contains("\"type\":\"model_day\"")
                    && l.contains("\"status\":\"completed\"")).count();
            assertTrue(completedEvents >= MODEL_DAYS, "every completion reached the SSE client: " + completedEvents);
        }
    }

    @Test
    void aKilledInstancesModelDaysAreTakenOverAfterTheLease() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(3, db.url(),
                        Map.of("MAX_PARALLEL_MODELS", "4", "WORK_LEASE_SECONDS", "5"))) {
            String jobId = cluster.get(0).trigger(TRIGGER);
            cluster.get(0).awaitCompleted(jobId, 40, RUN);
            String victim;
            int victimIndex;
            try (Connection conn = db.connect()) {
                victim = single(conn,
                        "SELECT min(lease_owner) FROM job_details WHERE job_id = ? AND status = 'running'",
                        jobId);
                victimIndex = Cluster.indexOf(victim);
                cluster.get(victimIndex).kill();
                long held = Long.parseLong(single(conn,
                        "SELECT count(*) FROM job_details WHERE lease_owner = ? AND status = 'running'", victim));
                assertTrue(held > 0, "the killed instance held running model-days");
                System.out.println("Killed " + victim + " holding " + held + " running model-days");
            }
            RunningApp survivor = cluster.get((victimIndex + 1) % 3);
            JsonNode end = survivor.awaitEnd(jobId, RUN);

            assertEquals("completed", end.path("status").asText(), end.toString());
            try (Connection conn = db.connect()) {
                assertExactlyOnce(conn, jobId);
                long takenOver = Long.parseLong(single(conn, "SELECT count(*) FROM audit_log WHERE job_id = ? "
                        + "AND event = 'resumed' AND detail LIKE '%taken over%'", jobId));
                assertTrue(takenOver > 0, "the audit trail shows the take-over");
                double counted = 0;
                for (int i = 0; i < 3; i++) {
                    if (i != victimIndex) {
                        counted += takenOverMetric(cluster.get(i));
                    }
                }
                assertEquals(takenOver, (long) counted, "the survivors' aitrader_model_days_taken_over_total");
                assertEquals(reference, PortableLedger.lines(conn), "ledger identical to the single-instance run");
            }
        }
    }

    @Test
    void leasesAreRenewedWhileModelDaysRunLongerThanTheLease() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(2, db.url(), Map.of("WORK_LEASE_SECONDS", "5"))) {
            String jobId = cluster.get(0).trigger("""
                    {"config_path": "configs/scale_out_long_days.json", "start_date": "2025-03-03",
                     "end_date": "2025-03-04"}""");
            JsonNode end = cluster.get(1).awaitEnd(jobId, RUN);
            assertEquals("completed", end.path("status").asText(), end.toString());
            try (Connection conn = db.connect()) {
                assertEquals("0", single(conn, "SELECT count(*) FROM audit_log WHERE job_id = ? AND event = "
                        + "'resumed'", jobId), "no model-day was taken over from a live instance");
                double longest = Double.parseDouble(single(conn, "SELECT max(extract(epoch FROM "
                        + "(completed_at::timestamptz - started_at::timestamptz))) FROM job_details WHERE job_id = ?",
                        jobId));
                assertTrue(longest > 7, "a model-day outlived the 5 s lease: " + longest + " s");
                assertEquals("4", single(conn, "SELECT count(*) FROM audit_log WHERE job_id = ? AND event = "
                        + "'model_day_completed'", jobId));
            }
        }
    }

    @Test
    void aJobWhosePreparerDiesIsPreparedByAnotherInstance() throws Exception {
        try (FakeAlphaVantage alphaVantage = slowAlphaVantage(500);
                TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(3, db.url(), Map.of("WORK_LEASE_SECONDS", "5",
                        "ALPHAADVANTAGE_API_KEY", "stand-in-key", "ALPHAADVANTAGE_BASE_URL", alphaVantage.baseUrl(),
                        "ALPHAADVANTAGE_REQUESTS_PER_MINUTE", "1000", "AUTO_DOWNLOAD_PRICE_DATA", "true"))) {
            String jobId = cluster.get(0).trigger(TRIGGER);
            Await.until(Duration.ofMinutes(1), Duration.ofMillis(20), () -> alphaVantage.requestCount() >= 3,
                    "the preparation to start downloading");
            String preparer;
            try (Connection conn = db.connect()) {
                preparer = single(conn, "SELECT lease_owner FROM jobs WHERE job_id = ?", jobId);
            }
            int preparerIndex = Cluster.indexOf(preparer);
            cluster.get(preparerIndex).kill();
            int askedBeforeKill = alphaVantage.requestCount();

            RunningApp survivor = cluster.get((preparerIndex + 1) % 3);
            JsonNode end = survivor.awaitEnd(jobId, RUN);
            assertEquals("completed", end.path("status").asText(), end.toString());
            assertTrue(alphaVantage.requestCount() > askedBeforeKill, "another instance went on downloading");
            assertTrue(cluster.get((preparerIndex + 1) % 3).log().contains("Preparing job " + jobId)
                    || cluster.get((preparerIndex + 2) % 3).log().contains("Preparing job " + jobId),
                    "a surviving instance prepared the job again");
            try (Connection conn = db.connect()) {
                assertExactlyOnce(conn, jobId);
            }
        }
    }

    @Test
    void aStoppedInstanceHandsItsModelDaysOverAtOnce() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(2, db.url(),
                        Map.of("MAX_PARALLEL_MODELS", "5", "WORK_LEASE_SECONDS", "60"))) {
            String jobId = cluster.get(0).trigger(TRIGGER);
            cluster.get(0).awaitCompleted(jobId, 30, RUN);
            cluster.get(0).stop(); // SIGTERM: graceful
            long stopped = System.nanoTime();
            JsonNode end = cluster.get(1).awaitEnd(jobId, RUN);
            double seconds = (System.nanoTime() - stopped) / 1e9;

            assertEquals("completed", end.path("status").asText(), "nothing failed: " + end);
            assertTrue(seconds < 45, "taken over without waiting for the 60 s lease: " + seconds + " s");
            try (Connection conn = db.connect()) {
                assertExactlyOnce(conn, jobId);
                assertEquals(reference, PortableLedger.lines(conn), "ledger identical to the single-instance run");
            }
        }
    }

    @Test
    void overlappingJobsOnTwoInstancesKeepEveryModelsChain() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(2, db.url(), Map.of("MAX_CONCURRENT_JOBS", "2"))) {
            String first = cluster.get(0).trigger("""
                    {"config_path": "configs/chain_across_jobs.json", "start_date": "2025-10-01", \
                    "end_date": "2025-10-10"}""");
            String second = cluster.get(1).trigger("""
                    {"config_path": "configs/chain_across_jobs.json", "start_date": "2025-10-06", \
                    "end_date": "2025-10-14"}""");
            assertEquals("completed", cluster.get(1).awaitEnd(first, RUN).path("status").asText());
            assertEquals("completed", cluster.get(0).awaitEnd(second, RUN).path("status").asText());
            try (Connection conn = db.connect()) {
                for (String model : List.of("chain-mock-a", "chain-mock-b")) {
                    assertEquals("10", single(conn, "SELECT count(*) FROM trading_days WHERE model = ?", model));
                    assertEquals(List.of(), ChainCheck.problems(conn, model, new BigDecimal("10000")), model);
                }
            }
        }
    }

    @Test
    void concurrentTriggersToDifferentInstancesCreateExactlyTheAllowedJobs() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(3, db.url(), Map.of("MAX_CONCURRENT_JOBS", "2"))) {
            String same = """
                    {"config_path": "configs/scale_out.json", "start_date": "2025-03-03", "end_date": "2025-03-07"}""";
            List<HttpResponse<String>> identical = fire(cluster, i -> same);
            List<String> ids = new ArrayList<>();
            for (HttpResponse<String> answer : identical) {
                assertTrue(answer.statusCode() == 202 || answer.statusCode() == 200, answer.body());
                ids.add(JSON.readTree(answer.body()).path("job_id").asText());
            }
            assertEquals(1, identical.stream().filter(a -> a.statusCode() == 202).count());
            assertEquals(1, ids.stream().distinct().count(), "every answer names the one job: " + ids);
            cluster.get(2).awaitEnd(ids.get(0), RUN);

            // Ten windows of seven trading days, none inside another: whichever job comes first, another window has
            // days it does not hold, so a second job is created; every later trigger finds the limit reached (409),
            // or every day it asks for already pending or running in those jobs (200 naming one of them).
            List<LocalDate> march = tradingDaysOfMarch();
            List<HttpResponse<String>> different = fire(cluster, i -> """
                    {"config_path": "configs/scale_out.json", "start_date": "%s", "end_date": "%s"}"""
                    .formatted(march.get(5 + i % 10), march.get(11 + i % 10)));
            List<String> createdIds = new ArrayList<>();
            for (HttpResponse<String> answer : different) {
                if (answer.statusCode() == 202) {
                    createdIds.add(JSON.readTree(answer.body()).path("job_id").asText());
                }
            }
            assertEquals(2, createdIds.size(), "MAX_CONCURRENT_JOBS=2 across the instances");
            for (HttpResponse<String> answer : different) {
                if (answer.statusCode() == 200) {
                    JsonNode running = JSON.readTree(answer.body());
                    assertEquals("Simulation already in progress", running.path("message").asText(), answer.body());
                    assertTrue(createdIds.contains(running.path("job_id").asText()), answer.body());
                } else {
                    assertTrue(answer.statusCode() == 202 || answer.statusCode() == 409, answer.body());
                }
            }
            try (Connection conn = db.connect()) {
                assertEquals("3", single(conn, "SELECT count(*) FROM jobs WHERE job_id <> ?", ""));
            }
        }
    }

    @Test
    void aCancelSentToOneInstanceStopsTheModelDaysRunningOnTheOthers() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase();
                Cluster cluster = Cluster.start(3, db.url(), Map.of("MAX_PARALLEL_MODELS", "4"))) {
            String jobId = cluster.get(0).trigger(TRIGGER);
            cluster.get(0).awaitCompleted(jobId, 20, RUN);
            HttpResponse<String> cancel = cluster.get(1).post("/simulate/cancel/" + jobId, "");
            assertEquals(200, cancel.statusCode(), cancel.body());
            assertEquals("cancelled", cluster.get(2).awaitEnd(jobId, RUN).path("status").asText());
            try (Connection conn = db.connect()) {
                Await.until(Duration.ofSeconds(10), Duration.ofMillis(100), () -> single(conn,
                        "SELECT count(*) FROM job_details WHERE job_id = ? AND status IN ('pending', 'running')",
                        jobId), "0"::equals, "the model-days of job " + jobId + " to stop after the cancel");
                String cancelledAt = single(conn,
                        "SELECT min(id) FROM audit_log WHERE job_id = ? AND event = 'cancelled'", jobId);
                // a day that finished before hearing of the cancel may still commit; nothing starts after it
                long after = Long.parseLong(single(conn, "SELECT count(*) FROM audit_log WHERE job_id = ? AND event = "
                        + "'model_day_completed' AND id > " + cancelledAt, jobId));
                assertTrue(after <= 12,
                        "at most the model-days running at the cancel (3 × 4) ended after it: " + after);
                long completed = Long.parseLong(single(conn,
                        "SELECT count(*) FROM trading_days WHERE job_id = ?", jobId));
                assertTrue(completed >= 20 && completed < MODEL_DAYS, "stopped mid-run: " + completed);
            }
        }
    }

    @Test
    void batchModeOnTheSharedDatabaseRunsItsJobAndTheServerSeesTheResults() throws Exception {
        try (TestPostgres db = TestPostgres.createDatabase(); Cluster cluster = Cluster.start(1, db.url(), Map.of())) {
            Path dataDir = Files.createTempDirectory("scale-out-batch").resolve("data");
            PackagedApp.Run run = PackagedApp.run(Map.of("DATABASE_URL", db.url(), "DATA_DIR", dataDir.toString(),
                    "CONFIGS_DIR", "src/test/resources/configs", "DEFAULT_CONFIG_PATH",
                    "src/test/resources/configs/scale_out.json", "AUTO_DOWNLOAD_PRICE_DATA", "false"), "simulate",
                    "--start", "2025-03-03", "--end", "2025-03-07");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("completed"), run::toString);
            assertTrue(Files.notExists(dataDir.resolve("jobs.db")), "no SQLite file in PostgreSQL mode");

            JsonNode results = JSON.readTree(cluster.get(0).get("/results?date=2025-03-07").body());
            assertEquals(10, results.path("results").size(), results.toString());
            try (Connection conn = db.connect()) {
                assertEquals("50", single(conn, "SELECT count(*) FROM trading_days WHERE job_id <> ?", ""));
                assertEquals("0", single(conn,
                        "SELECT count(*) FROM job_details WHERE status <> 'completed' AND job_id <> ?", ""));
            }
        }
    }

    /** 30 triggers at once, spread round-robin over the instances. */
    private static List<HttpResponse<String>> fire(Cluster cluster, IntFunction<String> body)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                RunningApp app = cluster.get(i % cluster.size());
                String json = body.apply(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return app.post("/simulate/trigger", json);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> results = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                results.add(answer.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExactlyOnce(Connection conn, String jobId) throws SQLException {
        assertEquals(String.valueOf(MODEL_DAYS), single(conn, "SELECT count(*) FROM trading_days WHERE job_id = ?",
                jobId));
        assertEquals(String.valueOf(MODEL_DAYS), single(conn,
                "SELECT count(*) FROM job_details WHERE job_id = ? AND status = 'completed'", jobId));
        assertEquals(String.valueOf(MODEL_DAYS), single(conn,
                "SELECT count(*) FROM audit_log WHERE job_id = ? AND event = 'model_day_completed'", jobId),
                "each model-day's completion is audited exactly once");
        assertEquals("1", single(conn, "SELECT count(*) FROM audit_log WHERE job_id = ? AND event = 'finished'",
                jobId), "the job ended once");
    }

    private static Map<String, Long> ownersOfCompletedDays(Connection conn, String jobId) throws SQLException {
        Map<String, Long> owners = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT lease_owner, count(*) FROM job_details WHERE job_id = ? AND status = 'completed'
                GROUP BY lease_owner ORDER BY lease_owner""")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return owners;
    }

    private static String single(Connection conn, String sql, String param) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Alpha Vantage's daily series for the scale-out config's symbols, February and March 2025, each answer late. */
    private static FakeAlphaVantage slowAlphaVantage(long millis) throws IOException {
        List<LocalDate> newestFirst = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 3, 31); !d.isBefore(LocalDate.of(2025, 2, 3)); d = d.minusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2025, 2, 17))) { // Presidents' Day
                newestFirst.add(d);
            }
        }
        LocalDate[] dates = newestFirst.toArray(LocalDate[]::new);
        JsonNode config = JSON.readTree(Path.of("src/test/resources/configs/scale_out.json").toFile());
        FakeAlphaVantage alphaVantage = new FakeAlphaVantage(InstantSource.system()).slowly(millis);
        alphaVantage.ok(config.path("benchmark").asText(), AlphaVantageBodies.daily(config.path("benchmark").asText(),
                dates));
        config.path("symbols").forEach(s -> alphaVantage.ok(s.asText(), AlphaVantageBodies.daily(s.asText(), dates)));
        return alphaVantage;
    }

    private static double takenOverMetric(RunningApp app) throws IOException {
        return app.get("/q/metrics").body().lines().filter(l -> l.startsWith("aitrader_model_days_taken_over_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String sse(RunningApp app, String jobId) {
        try {
            return app.send(app.request("/simulate/events/" + jobId).timeout(RUN).GET()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LocalDate> tradingDaysOfMarch() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 3, 3); d.getMonthValue() == 3; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }
}
