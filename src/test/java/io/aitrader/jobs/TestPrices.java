package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.List;

import io.aitrader.prices.PriceImportService;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.SamplePrices;
import io.quarkus.arc.Arc;

/**
 * Makes sure the test database holds the real 2025 prices before a job runs: price tests empty the table for their
 * own cases, and test classes share one database. The prices are the project's shipped sample.
 */
public final class TestPrices {

    private TestPrices() {
    }

    /** Imports the sample files in their fixed order (idempotent: a re-import changes nothing). */
    public static void importRealFiles() {
        PriceImportService imports = Arc.container().instance(PriceImportService.class).get();
        SamplePrices.FILES.forEach(name -> imports.importBytes(name, SamplePrices.content(name)));
    }

    public static void ensure() {
        PriceRepository prices = Arc.container().instance(PriceRepository.class).get();
        boolean covered = prices.listBars(List.of("AAPL", "QQQ"), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 10, 29))
                .size() >= 2 * 200;
        if (!covered) {
            importRealFiles();
        }
    }
}
