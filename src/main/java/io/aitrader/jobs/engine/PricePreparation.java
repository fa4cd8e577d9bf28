package io.aitrader.jobs.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.prices.DownloadEvidence;
import io.aitrader.prices.MissingPrices;
import io.aitrader.prices.PriceDownloads;
import io.aitrader.prices.PriceRepository;
import io.aitrader.trading.PriceTable;

/**
 * The downloading_data phase: fetches missing prices when allowed, then loads one in-memory snapshot of the job's
 * prices and finds the dates that are still incomplete ({@link MissingPrices}).
 */
@ApplicationScoped
public class PricePreparation {

    /** Calendar days loaded before the first date, so the previous close and last known prices are at hand. */
    public static final int LOOKBACK_DAYS = 30;

    private final PriceRepository prices;
    private final PriceDownloads downloads;
    private final JobDownloadRuns runs;

    PricePreparation(PriceRepository prices, PriceDownloads downloads, JobDownloadRuns runs) {
        this.prices = prices;
        this.downloads = downloads;
        this.runs = runs;
    }

    /** Prices for the job, the dates that cannot run with why, and the download's warnings. */
    public record Prepared(PriceTable table, Map<LocalDate, String> incomplete, List<String> downloadWarnings) {

        /** Warnings for the job: the download's, then one per date that cannot run. */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>(downloadWarnings);
            incomplete.forEach((date, reason) -> warnings.add(date + " skipped: prices incomplete (" + reason + ")"));
            return warnings;
        }
    }

    public Prepared prepare(String jobId, SimulationConfig config, List<LocalDate> dates) {
        Set<String> symbols = config.universeAndBenchmark();
        LocalDate first = dates.get(0).minusDays(LOOKBACK_DAYS);
        LocalDate last = dates.get(dates.size() - 1);
        Optional<DownloadEvidence> download;
        try {
            download = downloads.fetchMissing(List.copyOf(symbols), first, last, runs.open(jobId));
        } finally {
            runs.close(jobId);
        }
        PriceTable table = load(config, dates);
        Map<String, LocalDate> firstStored = prices.firstDates(symbols);
        MissingPrices rule = download.map(result -> MissingPrices.afterDownload(result, firstStored))
                .orElseGet(() -> MissingPrices.fromStore(firstStored));
        Map<LocalDate, String> incomplete = new TreeMap<>();
        for (LocalDate date : dates) {
            rule.check(date, symbols, (symbol, day) -> table.open(symbol, day).isPresent())
                    .ifPresent(reason -> incomplete.put(date, reason));
        }
        return new Prepared(table, incomplete, download.map(DownloadEvidence::warnings).orElse(List.of()));
    }

    /** The stored prices a job over {@code dates} needs, without downloading (another instance prepared the job). */
    public PriceTable load(SimulationConfig config, List<LocalDate> dates) {
        PriceTable.Builder builder = PriceTable.builder();
        prices.opensAndCloses(config.universeAndBenchmark(), dates.get(0).minusDays(LOOKBACK_DAYS),
                dates.get(dates.size() - 1),
                builder::add);
        return builder.build();
    }
}
