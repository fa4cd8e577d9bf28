package io.aitrader.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.testing.Await;

/**
 * A crash loop inside one model-day: the packaged app is killed (SIGKILL) each time it runs the job's first day. With
 * MAX_DAY_ATTEMPTS=2 the start after the second kill ends that day failed with attempts_exhausted instead of paying
 * for it a third time, and the model's later days still run and complete.
 */
class CrashLoopIT {

    private static final String TRIGGER = """
            {"config_path": "configs/reliability_crash_loop.json", "start_date": "2025-03-03", \
            "end_date": "2025-03-05"}""";
    private static final Map<String, String> ENV = Map.of("MAX_DAY_ATTEMPTS", "2");
    private static final Duration WITHIN = Duration.ofMinutes(2);

    @Test
    void aDayThatKeepsCrashingTheAppEndsFailedAndTheOthersComplete() throws Exception {
        Path data = Files.createTempDirectory("crash-loop").resolve("data");

        RunningApp app = RunningApp.start(data, ENV);
        String jobId = app.trigger(TRIGGER);
        awaitFirstDayAttempt(app, jobId, 1);
        app.kill();

        app = RunningApp.start(data, ENV);
        awaitFirstDayAttempt(app, jobId, 2);
        app.kill();

        try (RunningApp last = RunningApp.start(data, ENV)) {
            JsonNode end = last.awaitEnd(jobId, WITHIN);
            assertEquals("partial", end.path("status").asText(), end.toString());
            JsonNode days = end.path("progress").path("details");
            JsonNode first = days.get(0);
            assertEquals("2025-03-03", first.path("date").asText());
            assertEquals("failed", first.path("status").asText(), first.toString());
            String error = first.path("error").asText();
            assertTrue(error.startsWith("attempts_exhausted: 2 attempts (MAX_DAY_ATTEMPTS=2)"), error);
            assertTrue(error.contains("attempt 1: the lease of ") && error.contains("attempt 2: the lease of "), error);
            assertEquals("completed", days.get(1).path("status").asText(), days.toString());
            assertEquals("completed", days.get(2).path("status").asText(), days.toString());
            String audit = last.get("/simulate/audit?job_id=" + jobId).body();
            assertEquals(2, count(audit, "as attempt 2 of 2") + count(audit, "attempts_exhausted: 2 attempts"), audit);
        }
        assertEquals(0, LedgerDump.count(data, "SELECT count(*) FROM trading_days WHERE date = '2025-03-03'"));
        assertEquals(2, LedgerDump.count(data, "SELECT count(*) FROM trading_days WHERE model = 'crash-loop-mock'"));
    }

    /** Waits until the first day runs in its {@code attempt}-th attempt (the audit notes each take-over). */
    private static void awaitFirstDayAttempt(RunningApp app, String jobId, int attempt) {
        Await.until(WITHIN, Duration.ofMillis(50), () -> {
            JsonNode first = app.status(jobId).path("progress").path("details").get(0);
            String audit = app.get("/simulate/audit?job_id=" + jobId).body();
            return "running".equals(first.path("status").asText())
                    && (attempt == 1 || audit.contains("as attempt " + attempt + " of 2"));
        }, running -> running, "attempt " + attempt + " of the first day");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
