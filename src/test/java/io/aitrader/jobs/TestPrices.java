package io.aitrader.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.aitrader.prices.PriceImportService;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.PriceStartup;
import io.quarkus.arc.Arc;

/**
 * Makes sure the test database holds prices for 2025 before a job runs: price tests empty the table for their own
 * cases, and test classes share one database. Real files are used when present, synthetic prices otherwise.
 */
public final class TestPrices {

    static final Path SHARED = Path.of("..", "shared", "data", "prices");
    static final List<String> REAL_FILES = List.of("nasdaq100-daily-2025-01-02_2025-06-27.jsonl",
            "nasdaq100-daily-2025-06-10_2025-10-30.jsonl", "qqq-daily-2025-06-10_2025-10-30.json");

    private TestPrices() {
    }

    public static boolean realFilesPresent() {
        return REAL_FILES.stream().allMatch(name -> Files.isRegularFile(SHARED.resolve(name)));
    }

    /** Imports the shared real files (idempotent: a re-import changes nothing). */
    public static void importRealFiles() {
        PriceImportService imports = Arc.container().instance(PriceImportService.class).get();
        REAL_FILES.forEach(name -> imports.importFile(SHARED.resolve(name)));
    }

    public static void ensure() {
        PriceRepository prices = Arc.container().instance(PriceRepository.class).get();
        boolean covered = prices.bars(List.of("AAPL", "QQQ"), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 10, 29))
                .size() >= 2 * 200;
        if (covered) {
            return;
        }
        if (realFilesPresent()) {
            importRealFiles();
        } else {
            Arc.container().instance(PriceStartup.class).get().seedSyntheticIfEmpty();
        }
    }
}
