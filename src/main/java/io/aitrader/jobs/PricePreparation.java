package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.TradingCalendar;
import io.aitrader.trading.PriceTable;

/**
 * The downloading_data phase: fetches missing prices when allowed, then loads one in-memory snapshot of the job's
 * prices and finds the dates that are still incomplete.
 */
@ApplicationScoped
public class PricePreparation {

    /** Calendar days loaded before the first date, so the previous close and last known prices are at hand. */
    private static final int LOOKBACK_DAYS = 30;

    private final PriceRepository prices;
    private final TradingCalendar calendar;
    private final PriceDownloads downloads;

    PricePreparation(PriceRepository prices, TradingCalendar calendar, PriceDownloads downloads) {
        this.prices = prices;
        this.calendar = calendar;
        this.downloads = downloads;
    }

    /** Prices for the job and the dates that cannot run, with warnings for the job. */
    public record Prepared(PriceTable table, Set<LocalDate> incompleteDates, List<String> warnings) {
    }

    public Prepared prepare(SimulationConfig config, List<LocalDate> dates) {
        Set<String> universe = new LinkedHashSet<>(config.symbols());
        universe.add(config.benchmark());
        LocalDate first = dates.get(0).minusDays(LOOKBACK_DAYS);
        LocalDate last = dates.get(dates.size() - 1);
        List<String> warnings = new ArrayList<>(downloads.fetchMissing(List.copyOf(universe), first, last));
        PriceTable table = load(config, dates);
        Set<LocalDate> incomplete = new TreeSet<>();
        for (LocalDate date : dates) {
            List<String> missing = missingOpens(table, config.symbols(), date);
            if (missing == null || !missing.isEmpty()) {
                incomplete.add(date);
                warnings.add(date + " skipped: prices incomplete"
                        + (missing == null
                                ? " (no prices for that date)"
                                : " (no open for " + describe(missing) + ")"));
            }
        }
        return new Prepared(table, incomplete, warnings);
    }

    /** The stored prices a job over {@code dates} needs, without downloading (another instance prepared the job). */
    public PriceTable load(SimulationConfig config, List<LocalDate> dates) {
        Set<String> universe = new LinkedHashSet<>(config.symbols());
        universe.add(config.benchmark());
        PriceTable.Builder builder = PriceTable.builder();
        prices.opensAndCloses(universe, dates.get(0).minusDays(LOOKBACK_DAYS), dates.get(dates.size() - 1),
                builder::add);
        return builder.build();
    }

    /**
     * Universe symbols that traded the previous trading day but have no open on {@code date}; null when the date has
     * no price at all.
     */
    private List<String> missingOpens(PriceTable table, List<String> symbols, LocalDate date) {
        LocalDate previous = calendar.previousTradingDay(date);
        boolean any = false;
        List<String> missing = new ArrayList<>();
        for (String symbol : symbols) {
            boolean hasOpen = table.open(symbol, date).isPresent();
            any |= hasOpen;
            if (!hasOpen && table.open(symbol, previous).isPresent()) {
                missing.add(symbol);
            }
        }
        return any ? missing : null;
    }

    private static String describe(List<String> symbols) {
        return symbols.size() <= 5 ? String.join(", ", symbols) : symbols.size() + " symbols";
    }
}
