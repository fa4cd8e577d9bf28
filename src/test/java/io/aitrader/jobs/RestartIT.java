package io.aitrader.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.reliability.LedgerDump;
import io.aitrader.reliability.RunningApp;

/**
 * Kills the packaged app (SIGKILL) three times during a multi-model job — mid-run, again while it is recovering, and
 * late in the run — starting it again on the same database each time. The job must end with every model-day exactly
 * once and a ledger (positions, trades, valuations, conversations) identical to an uninterrupted run of the same job;
 * the audit trail records the resumes, each model-day's completion once and one end of the job.
 */
class RestartIT {

    static final String TRIGGER = """
            {"config_path": "configs/reliability_crash.json", "start_date": "2025-03-03", "end_date": "2025-03-18"}""";
    static final int MODELS = 5;
    static final int DAYS = 12;
    static final int MODEL_DAYS = MODELS * DAYS;
    static final Duration RUN = Duration.ofMinutes(2);

    @Test
    void killedJobResumesWithEveryModelDayExactlyOnce() throws Exception {
        Path killedDir = Files.createTempDirectory("crash-killed").resolve("data");
        Path cleanDir = Files.createTempDirectory("crash-clean").resolve("data");

        RunningApp app = RunningApp.start(killedDir);
        String jobId = app.trigger(TRIGGER);
        app.awaitCompleted(jobId, 10, RUN);
        app.kill();
        long first = LedgerDump.count(killedDir, "SELECT count(*) FROM trading_days");
        assertTrue(first >= 10 && first < MODEL_DAYS, "the first kill came mid-run: " + first);

        app = RunningApp.start(killedDir); // the job resumes at start-up ...
        app.kill(); // ... and is killed again while it recovers

        app = RunningApp.start(killedDir);
        app.awaitCompleted(jobId, 35, RUN);
        app.kill();
        long third = LedgerDump.count(killedDir, "SELECT count(*) FROM trading_days");
        assertTrue(third >= 35 && third < MODEL_DAYS, "the third kill came before the end: " + third);

        JsonNode end;
        try (RunningApp last = RunningApp.start(killedDir)) {
            end = last.awaitEnd(jobId, RUN);
            assertFalse(last.log().contains("SQLITE_BUSY"), "no lock errors after the restarts");
        }
        assertEquals("completed", end.path("status").asText(), end.toString());
        assertEquals(MODEL_DAYS, end.path("progress").path("completed").asInt());

        try (RunningApp clean = RunningApp.start(cleanDir)) {
            assertEquals("completed", clean.awaitEnd(clean.trigger(TRIGGER), RUN).path("status").asText());
        }
        assertEquals("ok", LedgerDump.integrity(killedDir));
        assertEquals(MODEL_DAYS, LedgerDump.count(killedDir, "SELECT count(*) FROM trading_days"));
        assertEquals(MODEL_DAYS, LedgerDump.count(killedDir,
                "SELECT count(*) FROM job_details WHERE status = 'completed' AND job_id = '" + jobId + "'"));
        assertEquals(0, LedgerDump.count(killedDir, """
                SELECT count(*) FROM job_details d WHERE d.status = 'completed'
                  AND NOT EXISTS (SELECT 1 FROM trading_days t WHERE t.model = d.model AND t.date = d.date)"""),
                "no model-day is marked completed without its result");
        assertEquals(LedgerDump.count(cleanDir, "SELECT count(*) FROM reasoning_logs"),
                LedgerDump.count(killedDir, "SELECT count(*) FROM reasoning_logs"), "no conversation row twice");
        List<String> clean = LedgerDump.ledger(cleanDir);
        assertEquals(MODEL_DAYS, clean.size());
        assertEquals(clean, LedgerDump.ledger(killedDir), "the resumed ledger equals an uninterrupted run");
        // the audit trail tells the same story: a resume per restart that got that far, each model-day's end
        // exactly once, one end of the job
        String ofJob = " FROM audit_log WHERE job_id = '" + jobId + "' AND event = ";
        long resumed = LedgerDump.count(killedDir, "SELECT count(*)" + ofJob + "'resumed'");
        assertTrue(resumed >= 2, "a resume after each restart that reached it: " + resumed);
        assertEquals(MODEL_DAYS, LedgerDump.count(killedDir, "SELECT count(*)" + ofJob + "'model_day_completed'"));
        assertEquals(MODEL_DAYS,
                LedgerDump.count(killedDir, "SELECT count(DISTINCT model || date)" + ofJob + "'model_day_completed'"));
        assertEquals(1, LedgerDump.count(killedDir, "SELECT count(*)" + ofJob + "'finished'"));
    }
}
