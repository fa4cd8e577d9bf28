package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aitrader.cli.PackagedApp;
import io.aitrader.reliability.RunningApp;

/**
 * The packaged application, server and batch mode, refuses nonsensical settings (and an invalid default config) at
 * start and starts on sane ones.
 */
class SettingsStartupIT {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(|Caused by:");
    private static final long PROMPT_SECONDS = 60;

    @TempDir
    Path dataDir;

    private Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "CONFIGS_DIR",
                "src/test/resources/configs", "DEFAULT_CONFIG_PATH", "src/test/resources/configs/default_config.json",
                "API_HOST", "127.0.0.1", "API_PORT", "0", "AUTO_DOWNLOAD_PRICE_DATA", "false",
                // secrets that must never be shown; the database is never reached
                "ALPHAADVANTAGE_API_KEY", "av-s3cret", "OPENAI_API_KEY", "sk-s3cret", "API_KEYS", "ops:k-s3cret",
                "DATABASE_URL", "postgres://aitrader:pw-s3cret@127.0.0.1:9/aitrader"));
        env.putAll(settings);
        return env;
    }

    /** Runs the app and checks it ended promptly, non-zero, without a stack trace, a secret or a database. */
    private PackagedApp.Run refused(Map<String, String> settings, String... args) {
        long started = System.nanoTime();
        PackagedApp.Run run = PackagedApp.run(environment(settings), args);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Refused in " + seconds + " s: " + String.join(" ", args) + " " + settings);
        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(seconds < PROMPT_SECONDS, "took " + seconds + " s: " + run);
        assertFalse(STACK_FRAME.matcher(run.out() + run.err()).find(), run::toString);
        assertFalse((run.out() + run.err()).contains("s3cret"), run::toString);
        assertFalse(Files.exists(dataDir.resolve("jobs.db")), "the database was opened: " + run);
        return run;
    }

    @Test
    void theServerRefusesToStartListingEveryProblem() {
        PackagedApp.Run run = refused(Map.of("WORK_LEASE_SECONDS", "0", "MAX_CONCURRENT_JOBS", "0", "SCHEDULE_CRON",
                "every day"));
        assertTrue(run.err().contains("Refusing to start, 3 settings are invalid:"), run::toString);
        assertTrue(run.err().contains("MAX_CONCURRENT_JOBS=0 (app.max-concurrent-jobs): must be at least 1"),
                run::toString);
        assertTrue(run.err().contains("WORK_LEASE_SECONDS=0 (app.work-lease-seconds): must be at least 5"),
                run::toString);
        assertTrue(run.err().contains("SCHEDULE_CRON=\"every day\" (app.schedule-cron): must be off or a Quartz cron"),
                run::toString);
        assertEquals(1, run.exitCode(), run::toString);
        assertFalse(run.out().contains("Listening on"), run::toString);
    }

    @Test
    void batchModeRefusesToo() {
        PackagedApp.Run run = refused(Map.of("WORK_LEASE_SECONDS", "0", "MAX_CONCURRENT_JOBS", "0"), "simulate",
                "--start", "2025-10-01", "--end", "2025-10-02", "--models", "mock-trader");
        assertEquals(2, run.exitCode(), "batch mode's usage error: " + run);
        assertTrue(run.err().contains("Refusing to start, 2 settings are invalid:"), run::toString);
        assertTrue(run.err().contains("MAX_CONCURRENT_JOBS=0"), run::toString);
        assertTrue(run.err().contains("WORK_LEASE_SECONDS=0"), run::toString);
        assertEquals("", run.out().strip(), "no results table");
    }

    @Test
    void aNumberThatIsNotOneIsRefusedByConfigWithItsPropertyAndValue() {
        PackagedApp.Run run = refused(Map.of("MAX_CONCURRENT_JOBS", "two"), "simulate", "--start", "2025-10-01");
        assertEquals(2, run.exitCode(), "batch mode's usage error: " + run);
        assertTrue(run.err().contains("app.max-concurrent-jobs with the config value \"two\""), run::toString);
        assertTrue(run.err().contains("Expected an integer value"), run::toString);
    }

    @Test
    void anInvalidDefaultConfigIsRefusedTheSameWay() {
        PackagedApp.Run run = refused(Map.of("DEFAULT_CONFIG_PATH", "src/test/resources/configs/no_such_config.json"),
                "simulate", "--start", "2025-10-01");
        assertEquals(2, run.exitCode(), "batch mode's usage error: " + run);
        assertTrue(run.err().contains("Refusing to start, the default config"), run::toString);
    }

    @Test
    void saneSettingsAtTheirLimitsStart() {
        try (RunningApp app = RunningApp.start(dataDir, Map.of("WORK_LEASE_SECONDS", "5", "MAX_CONCURRENT_JOBS", "1",
                "MAX_PARALLEL_MODELS", "64", "SCHEDULE_CRON", "0 30 22 ? * MON-FRI", "RISK_FREE_RATE", "4.25",
                "INSTANCE_ID", "node-1.example_2", "OPENAI_API_BASE", "http://127.0.0.1:9/v1"))) {
            assertTrue(app.alive(), app::log);
            assertFalse(app.log().contains("Refusing to start"), app::log);
        }
    }
}
