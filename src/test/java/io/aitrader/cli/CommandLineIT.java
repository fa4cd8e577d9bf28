package io.aitrader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch mode of the packaged application, run as a process: help, import-prices, simulate and its exit codes. */
class CommandLineIT {

    private static final String TEST_CONFIGS = "src/test/resources/configs";

    @TempDir
    static Path dataDir;

    private static Map<String, String> data(Path dir) {
        return Map.of("DATA_DIR", dir.toString());
    }

    private static Map<String, String> testConfigs() {
        return Map.of("DATA_DIR", dataDir.toString(), "CONFIGS_DIR", TEST_CONFIGS, "DEFAULT_CONFIG_PATH",
                TEST_CONFIGS + "/default_config.json");
    }

    @Test
    void helpListsTheCommands() {
        PackagedApp.Run run = PackagedApp.run(data(dataDir), "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("simulate"), run::toString);
        assertTrue(run.out().contains("import-prices"), run::toString);
        assertTrue(run.out().contains("Without a command it runs the HTTP server"), run::toString);
    }

    @Test
    void simulateHelpDocumentsOptionsAndExitCodes() {
        PackagedApp.Run run = PackagedApp.run(data(dataDir), "simulate", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        for (String option : new String[]{"--start", "--end", "--models", "--config", "--replace"}) {
            assertTrue(run.out().contains(option), option + " missing: " + run);
        }
        assertTrue(run.out().contains("every model-day completed"), run::toString);
    }

    @Test
    void simulateRunsTheOfflineDefaultWithoutServingHttp() throws IOException {
        // Hold the API port: a command run that tried to serve HTTP would fail to start.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PackagedApp.Run run = PackagedApp.run(Map.of("DATA_DIR", dataDir.toString(), "API_HOST", "127.0.0.1",
                    "API_PORT", String.valueOf(taken.getLocalPort())), "simulate", "--start", "2025-10-01", "--end",
                    "2025-10-03");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("12 model-days, 4 models, 2025-10-01 to 2025-10-03"), run::toString);
            assertTrue(Pattern.compile("MODEL +DAYS OK +FAILED +NOT RUN +FINAL VALUE +RETURN +TRADES")
                    .matcher(run.out()).find(), run::toString);
            for (String model : new String[]{"mock-trader", "mock-contrarian", "baseline-qqq", "baseline-equal"}) {
                assertTrue(Pattern.compile("(?m)^" + model + " +3/3 +0 +0 +[0-9,]+\\.[0-9]{2} +[+-][0-9.]+% +[0-9]+$")
                        .matcher(run.out()).find(), model + " row missing: " + run);
            }
            assertTrue(run.err().contains("3/3") || run.err().contains("12/12"), "progress shown: " + run);
            assertFalse(run.out().contains("Simulating"), "progress goes to stderr, results to stdout");
        }
    }

    @Test
    void aFailedModelDayMakesTheExitCodeOne() {
        PackagedApp.Run run = PackagedApp.run(testConfigs(), "simulate", "--config", "cli_partial.json", "--start",
                "2025-10-06", "--end", "2025-10-07");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("partial"), run::toString);
        assertTrue(Pattern.compile("(?m)^cli-mock +2/2 +0 +0 ").matcher(run.out()).find(), run::toString);
        assertTrue(Pattern.compile("(?m)^cli-unreachable +0/2 +2 +0 +- +- +0$").matcher(run.out()).find(),
                run::toString);
        assertTrue(run.out().contains("cli-unreachable 2025-10-06 failed: "), run::toString);
    }

    @Test
    void anUnknownModelIsRefusedWithAClearMessage() {
        PackagedApp.Run run = PackagedApp.run(testConfigs(), "simulate", "--start", "2025-10-01", "--end",
                "2025-10-02", "--models", "mock-trader,no-such-model");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Error: The config has no model with signature 'no-such-model'"),
                run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void aMalformedDateIsRefusedBeforeAnythingRuns() {
        PackagedApp.Run run = PackagedApp.run(testConfigs(), "simulate", "--start", "2025-13-01");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'2025-13-01' is not a real date in YYYY-MM-DD form"), run::toString);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        PackagedApp.Run run = PackagedApp.run(data(dataDir), "simulat");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unmatched argument at index 0: 'simulat'"), run::toString);
    }
}
