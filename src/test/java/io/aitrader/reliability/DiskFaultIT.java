package io.aitrader.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.testing.Await;

/**
 * The data directory turns read-only in the middle of a multi-model job (a real ext4 error on a loop-mounted image,
 * see {@link ReadOnlyDisk}). /health must turn 503, the job must end failed with the reason while reads keep
 * working, and nothing may be half-written: after the operator repairs the disk, every stored model-day is whole and
 * equal to the same day of an uninterrupted run, and the job, resumed at the next start, completes with a ledger
 * identical to the uninterrupted run's.
 */
class DiskFaultIT {

    private static final Logger LOG = Logger.getLogger(DiskFaultIT.class.getName());
    static final String TRIGGER = """
            {"config_path": "configs/reliability_disk.json", "start_date": "2025-03-03", "end_date": "2025-03-31"}""";
    static final int MODEL_DAYS = 4 * 21;
    static final Duration RUN = Duration.ofMinutes(2);

    @Test
    void readOnlyDataDirectoryFailsTheJobCleanly() throws Exception {
        Path work = Files.createTempDirectory("disk-fault");
        try (ReadOnlyDisk disk = ReadOnlyDisk.mountOrSkip(work)) {
            Path data = disk.path().resolve("data");
            String jobId;
            int completedAtFault;
            try (RunningApp app = RunningApp.start(data)) {
                jobId = app.trigger(TRIGGER);
                app.awaitCompleted(jobId, 12, RUN);
                // A disk error loses what the page cache had not written back yet (SQLite's synchronous=NORMAL
                // syncs the WAL only at checkpoints): sync once, so the job itself is on the disk, then let more
                // model-days commit into the cache before the fault.
                disk.sync();
                completedAtFault = app.awaitCompleted(jobId, 18, RUN).path("progress").path("completed").asInt();
                disk.makeReadOnly();
                assertThrows(IOException.class, () -> Files.createTempFile(data, "probe", ".tmp"),
                        "the data directory is read-only now");

                JsonNode health = awaitHealth(app, 503);
                assertFalse(health.path("storage").path("writable").asBoolean());
                JsonNode failed = app.awaitStatus(jobId, "failed", Duration.ofMinutes(1));
                assertTrue(failed.path("error").asText().startsWith("Storage failure"), failed.toString());
                assertEquals(0, failed.path("progress").path("running").asInt() + failed.path("progress").path(
                        "pending").asInt(), "no model-day is left running or pending: " + failed);
                int shownCompleted = failed.path("progress").path("completed").asInt();
                assertTrue(shownCompleted < MODEL_DAYS, "the fault came mid-run");

                HttpResponse<String> trigger = app.post("/simulate/trigger", """
                        {"config_path": "configs/reliability_disk.json", "start_date": "2025-04-01",
                         "end_date": "2025-04-02"}""");
                assertTrue(trigger.statusCode() == 409 || trigger.statusCode() == 503, trigger.body());
                assertTrue(RunningApp.json(trigger.body()).path("error").isTextual(), trigger.body());
                assertEquals(200, app.get("/results?date=2025-03-03").statusCode(), "reads keep working");
                String log = app.log();
                assertFalse(log.contains("Exception in thread") || log.contains("Uncaught exception"),
                        "every storage failure is handled:\n" + log);
                LOG.info(() -> "Disk fault: read-only at " + completedAtFault + " completed model-days; job shown "
                        + "failed with " + shownCompleted + " completed");
            }

            disk.repairAndRemount();
            assertEquals("ok", LedgerDump.integrity(data));
            long stored = LedgerDump.count(data, "SELECT count(*) FROM trading_days");
            assertTrue(stored >= 12 && stored <= completedAtFault + 4, "the synced days survived: " + stored);
            assertEquals(stored, LedgerDump.count(data, """
                    SELECT count(*) FROM job_details d JOIN trading_days t ON t.model = d.model AND t.date = d.date
                    WHERE d.status = 'completed'"""), "every stored day is marked completed, and only those");
            assertEquals(stored, LedgerDump.count(data,
                    "SELECT count(*) FROM job_details WHERE status = 'completed'"));
            assertEquals(0, LedgerDump.count(data, """
                    SELECT count(*) FROM trading_days t
                    WHERE NOT EXISTS (SELECT 1 FROM reasoning_logs r WHERE r.trading_day_id = t.id)
                       OR NOT EXISTS (SELECT 1 FROM tool_usage u WHERE u.trading_day_id = t.id)"""),
                    "no stored day lacks its conversation");
            List<String> partial = LedgerDump.ledger(data);

            Path cleanDir = Files.createTempDirectory("disk-clean").resolve("data");
            try (RunningApp clean = RunningApp.start(cleanDir)) {
                assertEquals("completed", clean.awaitEnd(clean.trigger(TRIGGER), RUN).path("status").asText());
            }
            List<String> uninterrupted = LedgerDump.ledger(cleanDir);
            assertTrue(uninterrupted.containsAll(partial), "every day stored before the fault is whole and right");

            try (RunningApp again = RunningApp.start(data)) {
                JsonNode end = again.awaitEnd(jobId, RUN);
                assertEquals("completed", end.path("status").asText(), "the job resumes after the repair: " + end);
            }
            assertEquals(MODEL_DAYS, uninterrupted.size());
            assertEquals(uninterrupted, LedgerDump.ledger(data), "no model-day lost or doubled after the repair");
            LOG.info(() -> "Disk fault: " + partial.size() + " model-days on disk after the repair, "
                    + MODEL_DAYS + " after the resumed run, 0 lost");
        }
    }

    private static JsonNode awaitHealth(RunningApp app, int wanted) {
        HttpResponse<String> health = Await.until(Duration.ofSeconds(20), Duration.ofMillis(100),
                () -> app.get("/health"), answer -> answer.statusCode() == wanted, "/health to answer " + wanted);
        return RunningApp.json(health.body());
    }
}
