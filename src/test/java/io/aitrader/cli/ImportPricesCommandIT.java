package io.aitrader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aitrader.prices.AlphaVantageBodies;
import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.prices.FakeMassive;

/**
 * Batch mode's price commands, run as processes of the packaged application: import-prices with files and with a
 * range from a Massive stand-in, and simulate's download phase from an Alpha Vantage stand-in. A class of its own so
 * that it runs beside CommandLineIT, in another fork.
 */
class ImportPricesCommandIT {

    private static final String TEST_CONFIGS = "src/test/resources/configs";

    @TempDir
    Path importDataDir;

    private static Map<String, String> data(Path dir) {
        return Map.of("DATA_DIR", dir.toString());
    }

    @Test
    void importPricesStoresTheFixture() {
        Path fixture = Path.of("src/test/resources/cli/prices-small.jsonl").toAbsolutePath();
        PackagedApp.Run run = PackagedApp.run(data(importDataDir), "import-prices", fixture.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("prices-small.jsonl: 6 inserted, 0 replaced, 0 unchanged, 0 rejected"),
                run::toString);
        assertTrue(Files.isRegularFile(importDataDir.resolve("jobs.db")), "the database is in DATA_DIR");

        PackagedApp.Run again = PackagedApp.run(data(importDataDir), "import-prices", fixture.toString());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("0 inserted, 0 replaced, 6 unchanged"), again::toString);
    }

    @Test
    void importPricesReportsAMissingFile() {
        PackagedApp.Run run = PackagedApp.run(data(importDataDir), "import-prices", "no-such-file.jsonl");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no-such-file.jsonl: no such file"), run::toString);
    }

    @Test
    void importPricesBackfillsARangeFromMassiveWithAProgressBarAndResumes() throws IOException {
        try (FakeMassive massive = new FakeMassive(InstantSource.system())) {
            // 2025-09-02..09-12: nine trading days; the fourth answers the minute's limit the first time
            List<LocalDate> days = LocalDate.of(2025, 9, 2).datesUntil(LocalDate.of(2025, 9, 13))
                    .filter(d -> d.getDayOfWeek().getValue() <= 5).toList();
            days.forEach(d -> massive.trades(d, Map.of("AAPL", 230.0, "MSFT", 505.5, "NVDA", 170.25, "QQQ", 570.0)));
            massive.on(days.get(3), new FakeMassive.Reply(429, "{\"status\":\"ERROR\",\"error\":\"You've "
                    + "exceeded the maximum requests per minute\"}"));
            Map<String, String> environment = Map.of("DATA_DIR", importDataDir.toString(), "CONFIGS_DIR",
                    TEST_CONFIGS, "DEFAULT_CONFIG_PATH", TEST_CONFIGS + "/cli_download.json", "MASSIVE_API_KEY",
                    "stand-in-key", "MASSIVE_BASE_URL", massive.baseUrl(), "MASSIVE_REQUESTS_PER_MINUTE", "1000");

            PackagedApp.Run stopped = PackagedApp.run(environment, "import-prices", "--from", "2025-09-02", "--to",
                    "2025-09-12");

            assertEquals(1, stopped.exitCode(), stopped::toString);
            assertTrue(stopped.out().contains("Prices 2025-09-02 to 2025-09-12 from massive: incomplete"),
                    stopped::toString);
            assertTrue(stopped.out().contains("6 of 9 dates remain to download"), stopped::toString);
            assertTrue(Pattern.compile("Downloading prices .*[0-9]/9 requests").matcher(stopped.err()).find(),
                    stopped::toString);
            assertEquals(days.subList(0, 4), massive.requests.stream().map(r -> r.date()).toList());

            massive.trades(days.get(3), Map.of("AAPL", 231.0, "MSFT", 506.0, "NVDA", 171.0, "QQQ", 571.0));
            PackagedApp.Run resumed = PackagedApp.run(environment, "import-prices", "--from", "2025-09-02", "--to",
                    "2025-09-12");

            assertEquals(0, resumed.exitCode(), resumed::toString);
            assertTrue(resumed.out().contains("from massive: completed"), resumed::toString);
            assertEquals(days.subList(3, days.size()), massive.requests.subList(4, massive.requests.size()).stream()
                    .map(r -> r.date()).toList(), "the stored dates are not asked again");
        }
    }

    @Test
    void importPricesWithoutFilesOrARangeIsAUsageError() {
        PackagedApp.Run run = PackagedApp.run(data(importDataDir), "import-prices");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("give price FILEs, or --from DATE [--to DATE] to download a range"),
                run::toString);
        PackagedApp.Run noKey = PackagedApp.run(Map.of("DATA_DIR", importDataDir.toString(),
                "ALPHAADVANTAGE_API_KEY", "", "MASSIVE_API_KEY", "", "POLYGON_API_KEY", ""), "import-prices",
                "--from", "2025-09-02");
        assertEquals(2, noKey.exitCode(), noKey::toString);
        assertTrue(noKey.err().contains("No price provider can download"), noKey::toString);
    }

    @Test
    void simulateShowsTheDownloadPhaseBeforeTheModelDays() throws IOException {
        List<LocalDate> newestFirst = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 10, 10); d.isAfter(LocalDate.of(2025, 9, 1)); d = d.minusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) { // no exchange holiday from September 2 to October 10
                newestFirst.add(d);
            }
        }
        try (FakeAlphaVantage alphaVantage = new FakeAlphaVantage(InstantSource.system()).slowly(300)) {
            for (String symbol : List.of("AAPL", "MSFT", "NVDA", "QQQ")) {
                alphaVantage.ok(symbol, AlphaVantageBodies.daily(symbol, newestFirst.toArray(LocalDate[]::new)));
            }
            PackagedApp.Run run = PackagedApp.run(Map.of("DATA_DIR", importDataDir.toString(), "CONFIGS_DIR",
                    TEST_CONFIGS, "DEFAULT_CONFIG_PATH", TEST_CONFIGS + "/default_config.json",
                    "ALPHAADVANTAGE_API_KEY", "stand-in-key", "ALPHAADVANTAGE_BASE_URL",
                    alphaVantage.baseUrl(), "ALPHAADVANTAGE_REQUESTS_PER_MINUTE", "1000"), "simulate", "--config",
                    "cli_download.json", "--start", "2025-10-06", "--end", "2025-10-07");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("AAPL", "MSFT", "NVDA", "QQQ"), alphaVantage.symbolsAsked());
            int download = run.err().indexOf("Downloading prices");
            assertTrue(download >= 0 && run.err().indexOf("Simulating") > download, run::toString);
            assertTrue(Pattern.compile("Downloading prices .*[0-4]/4 symbols .*\\(ETA \\d+ s, 1000 requests/min\\)")
                    .matcher(run.err()).find(), run::toString);
            assertTrue(run.err().contains("2/2 model-days"), run::toString);
        }
    }

}
