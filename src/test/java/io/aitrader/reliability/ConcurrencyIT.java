package io.aitrader.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Concurrency against the packaged app: 100 triggers released at once create exactly one job (MAX_CONCURRENT_JOBS=1),
 * then 50 readers poll status, results, job lists and health while the job writes — no error answer, no SQLITE_BUSY
 * in any answer or in the app's log.
 */
class ConcurrencyIT {

    private static final Logger LOG = Logger.getLogger(ConcurrencyIT.class.getName());
    static final int TRIGGERS = 100;
    static final int READERS = 50;
    static final String SAME = """
            {"config_path": "configs/reliability_load.json", "start_date": "2025-04-01", "end_date": "2025-04-30"}""";
    /** Other work, each starting in March: the SAME job cannot hold it, nor it all of SAME's days. */
    static final String OTHER = """
            {"config_path": "configs/reliability_load.json", "start_date": "2025-03-2%d", "end_date": "2025-04-21"}""";

    @Test
    void hundredTriggersMakeOneJobAndFiftyReadersNeverFail() throws Exception {
        Path data = Files.createTempDirectory("concurrency").resolve("data");
        try (RunningApp app = RunningApp.start(data)) {
            String jobId = raceTriggers(app);
            Readers readers = new Readers(app, jobId);
            readers.start();
            JsonNode end = app.awaitEnd(jobId, Duration.ofMinutes(2));
            readers.stop();

            assertEquals("completed", end.path("status").asText(), end.toString());
            int total = end.path("progress").path("total_model_days").asInt();
            assertTrue(total >= 10 * 14, "the job that won the race has all its model-days: " + total);
            assertEquals(total, end.path("progress").path("completed").asInt());
            JsonNode jobs = RunningApp.json(app.get("/simulate/jobs?limit=500").body()).path("jobs");
            assertEquals(1, jobs.size(), "exactly one job exists");
            LOG.info(() -> "Concurrency: " + readers.requests + " reads during the job, " + readers.errors.size()
                    + " errors");
            assertTrue(readers.errors.isEmpty(), readers.errors.size() + " bad answers of " + readers.requests
                    + ":\n" + String.join("\n", readers.errors.subList(0, Math.min(20, readers.errors.size()))));
            assertTrue(readers.requests.get() >= READERS * 5, "the readers ran: " + readers.requests);
            String log = app.log();
            assertFalse(log.contains("SQLITE_BUSY") || log.contains("database is locked"), "no lock errors:\n" + log);
            assertFalse(log.contains(" ERROR "), "no error in the app log:\n" + log);
        }
    }

    /** Releases 100 triggers at once (half the same work, half other ranges) and returns the one job created. */
    private static String raceTriggers(RunningApp app) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TRIGGERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < TRIGGERS; i++) {
            String body = i % 2 == 0 ? SAME : OTHER.formatted(i % 7 + 1);
            answers.add(pool.submit(() -> {
                go.await();
                return app.post("/simulate/trigger", body);
            }));
        }
        go.countDown();
        List<String> created = new ArrayList<>();
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 202) {
                created.add(RunningApp.json(response.body()).path("job_id").asText());
            } else if (response.statusCode() != 200 && response.statusCode() != 409) {
                throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
            }
        }
        pool.shutdown();
        LOG.info(() -> "Concurrency: " + TRIGGERS + " simultaneous triggers answered " + byStatus);
        assertEquals(1, created.size(), "exactly one trigger creates a job: " + byStatus);
        assertTrue(byStatus.getOrDefault(409, 0) > 0, "triggers for other work are refused: " + byStatus);
        return created.get(0);
    }

    /** 50 threads reading in a loop until stopped; every answer must be 200 (or 404 no_data for results). */
    static final class Readers {
        final RunningApp app;
        final String jobId;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong requests = new AtomicLong();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final ExecutorService pool = Executors.newFixedThreadPool(READERS);

        Readers(RunningApp app, String jobId) {
            this.app = app;
            this.jobId = jobId;
        }

        void start() {
            List<String> paths = List.of("/simulate/status/" + jobId, "/results?date=2025-04-%02d&detail=full",
                    "/simulate/jobs", "/simulate/current", "/health", "/results?date=2025-04-%02d",
                    "/reasoning?job_id=" + jobId + "&date=2025-04-%02d");
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                pool.execute(() -> {
                    for (int i = 0; running.get(); i++) {
                        String path = paths.get((reader + i) % paths.size()).formatted(1 + (reader + i) % 28);
                        read(path);
                    }
                });
            }
        }

        private void read(String path) {
            try {
                HttpResponse<String> response = app.get(path);
                requests.incrementAndGet();
                int status = response.statusCode();
                String body = response.body();
                boolean noData = status == 404 && (path.startsWith("/results") || path.startsWith("/reasoning"))
                        && body.contains("\"error\"");
                if ((status != 200 && !noData) || body.contains("SQLITE") || body.contains("locked")) {
                    errors.add(path + " → " + status + " " + body.substring(0, Math.min(200, body.length())));
                }
            } catch (IOException e) {
                errors.add(path + " → " + e);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the readers stopped");
        }
    }
}
