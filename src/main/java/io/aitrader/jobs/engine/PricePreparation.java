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
import io.aitrader.market.Market;
import io.aitrader.prices.DownloadEvidence;
import io.aitrader.prices.MissingPrices;
import io.aitrader.prices.PriceBar;
import io.aitrader.prices.PriceDownloads;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.PriceSettings;
import io.aitrader.prices.SyntheticPrices;
import io.aitrader.trading.PriceTable;
import io.quarkus.logging.Log;

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
    private final SyntheticPrices synthetic;
    private final PriceSettings settings;

    PricePreparation(PriceRepository prices, PriceDownloads downloads, JobDownloadRuns runs,
            SyntheticPrices synthetic, PriceSettings settings) {
        this.prices = prices;
        this.downloads = downloads;
        this.runs = runs;
        this.synthetic = synthetic;
        this.settings = settings;
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
        List<String> warnings = new ArrayList<>(syntheticFallback(config, symbols));
        Optional<DownloadEvidence> download;
        try {
            download = downloads.fetchMissing(List.copyOf(symbols), first, last, runs.open(jobId), config.market());
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
        download.ifPresent(evidence -> warnings.addAll(evidence.warnings()));
        return new Prepared(table, incomplete, warnings);
    }

    /**
     * The offline fallback of a market other than us (contract 12): when none of its symbols has a stored price and
     * no price provider has a key, synthetic prices for them on the market's calendar, as the US market gets at start
     * ({@link SyntheticPrices}: 2025, marked synthetic, removed by the first real import).
     */
    private List<String> syntheticFallback(SimulationConfig config, Set<String> symbols) {
        if (config.market() == Market.US || settings.activeProvider() != PriceSettings.PriceProvider.NONE
                || !prices.firstDates(symbols).isEmpty()) {
            return List.of();
        }
        List<PriceBar> bars = synthetic.generate(symbols,
                config.market().calendar().tradingDays(SyntheticPrices.FIRST_DAY, SyntheticPrices.LAST_DAY),
                config.market() == Market.CRYPTO ? SyntheticPrices.COIN_LEVELS : Map.of());
        prices.inTransaction(c -> prices.persistMissing(c, bars));
        String warning = "No " + config.market().id() + " prices stored and no price provider key: generated "
                + bars.size() + " SYNTHETIC price rows for " + symbols.size() + " symbols (2025, on the market's"
                + " calendar); import or download real prices to replace them";
        Log.warn(warning);
        return List.of(warning);
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
