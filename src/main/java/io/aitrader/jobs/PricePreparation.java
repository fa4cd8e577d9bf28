package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.prices.DownloadResult;
import io.aitrader.prices.DownloadRun;
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
    private static final int LOOKBACK_DAYS = 30;

    private final PriceRepository prices;
    private final PriceDownloads downloads;

    PricePreparation(PriceRepository prices, PriceDownloads downloads) {
        this.prices = prices;
        this.downloads = downloads;
    }

    /** Prices for the job, the dates that cannot run with why, and warnings for the job. */
    public record Prepared(PriceTable table, Map<LocalDate, String> incomplete, List<String> warnings) {
    }

    public Prepared prepare(SimulationConfig config, List<LocalDate> dates, DownloadRun run) {
        Set<String> symbols = symbols(config);
        LocalDate first = dates.get(0).minusDays(LOOKBACK_DAYS);
        LocalDate last = dates.get(dates.size() - 1);
        Optional<DownloadResult> download = downloads.fetchMissing(List.copyOf(symbols), first, last, run);
        List<String> warnings = new ArrayList<>(download.map(DownloadResult::warnings).orElse(List.of()));
        PriceTable table = load(config, dates);
        Map<String, LocalDate> firstStored = prices.firstDates(symbols);
        MissingPrices rule = download.map(result -> MissingPrices.afterDownload(result, firstStored))
                .orElseGet(() -> MissingPrices.fromStore(firstStored));
        Map<LocalDate, String> incomplete = new TreeMap<>();
        for (LocalDate date : dates) {
            rule.check(date, symbols, (symbol, day) -> table.open(symbol, day).isPresent()).ifPresent(reason -> {
                incomplete.put(date, reason);
                warnings.add(date + " skipped: prices incomplete (" + reason + ")");
            });
        }
        return new Prepared(table, incomplete, warnings);
    }

    /** The stored prices a job over {@code dates} needs, without downloading (another instance prepared the job). */
    public PriceTable load(SimulationConfig config, List<LocalDate> dates) {
        PriceTable.Builder builder = PriceTable.builder();
        prices.opensAndCloses(symbols(config), dates.get(0).minusDays(LOOKBACK_DAYS), dates.get(dates.size() - 1),
                builder::add);
        return builder.build();
    }

    /** The job's symbols: its universe and its benchmark. */
    private static Set<String> symbols(SimulationConfig config) {
        Set<String> symbols = new LinkedHashSet<>(config.symbols());
        if (config.benchmark() != null && !config.benchmark().isBlank()) {
            symbols.add(config.benchmark());
        }
        return symbols;
    }
}
