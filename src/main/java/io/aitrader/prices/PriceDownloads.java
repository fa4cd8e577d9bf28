package io.aitrader.prices;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.market.Market;
import io.aitrader.prices.PriceSettings.PriceProvider;
import io.quarkus.logging.Log;

/**
 * Fetches missing prices before a job runs, when AUTO_DOWNLOAD_PRICE_DATA allows it, from the provider PRICE_PROVIDER
 * names: Massive, one request per missing trading day for every stock at once, or Alpha Vantage, one request per
 * symbol. What arrives is stored as it arrives, so a download stopped by a rate limit, a cancel or a crash keeps
 * what it got, and the next one asks only for what is still missing.
 */
@ApplicationScoped
public class PriceDownloads {

    private final AlphaVantageDownloader alphaVantage;
    private final MassiveDownloader massive;
    private final PriceImportService imports;
    private final PriceRepository prices;
    private final TradingCalendar calendar;
    private final PriceSettings settings;

    PriceDownloads(AlphaVantageDownloader alphaVantage, MassiveDownloader massive, PriceImportService imports,
            PriceRepository prices, TradingCalendar calendar, PriceSettings settings) {
        this.alphaVantage = alphaVantage;
        this.massive = massive;
        this.imports = imports;
        this.prices = prices;
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * Downloads what {@code symbols} lack from {@code from} to {@code to}, watched and stoppable through {@code run};
     * empty when downloads are off or no provider has a key, so nothing was asked.
     */
    public Optional<DownloadEvidence> fetchMissing(List<String> symbols, LocalDate from, LocalDate to,
            DownloadRun run) {
        return fetchMissing(symbols, from, to, run, Market.US);
    }

    /** As above for a job of {@code market}: its symbols on its calendar, coins as coins (contract 12). */
    public Optional<DownloadEvidence> fetchMissing(List<String> symbols, LocalDate from, LocalDate to,
            DownloadRun run, Market market) {
        return settings.autoDownloadPriceData() ? download(symbols, from, to, run, market) : Optional.empty();
    }

    /**
     * As above whatever AUTO_DOWNLOAD_PRICE_DATA says: an asked-for backfill; empty when no provider has a key.
     */
    public Optional<DownloadEvidence> download(List<String> symbols, LocalDate from, LocalDate to, DownloadRun run) {
        return download(symbols, from, to, run, Market.US);
    }

    /** As above for {@code market}'s symbols; Massive serves US stocks only, so another market asks Alpha Vantage. */
    public Optional<DownloadEvidence> download(List<String> symbols, LocalDate from, LocalDate to, DownloadRun run,
            Market market) {
        PriceProvider provider = settings.activeProvider();
        if (provider == PriceProvider.NONE || provider == PriceProvider.MASSIVE && market != Market.US
                && !alphaVantage.enabled()) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>();
        prices.listBars(symbols, from, to).forEach(bar -> known.add(bar.symbol() + "@" + bar.date()));
        BiPredicate<String, LocalDate> hasPrice = (symbol, date) -> known.contains(symbol + "@" + date);
        if (provider == PriceProvider.MASSIVE && market == Market.US) {
            Set<LocalDate> answered = prices.listDatesFromSource(PriceBar.SOURCE_MASSIVE, from, to);
            Set<String> kept = settings.massive().storeAllSymbols() ? null : Set.copyOf(symbols);
            return Optional.of(massive.downloadMissing(symbols, from, to, calendar::isTradingDay, hasPrice, answered,
                    run.heardFirstBy(storing(kept))));
        }
        BiPredicate<String, LocalDate> isTradingDay = market == Market.US
                ? (symbol, day) -> calendar.ofSymbol(symbol).isTradingDay(day)
                : (symbol, day) -> market.calendar().isTradingDay(day);
        return Optional.of(alphaVantage.downloadMissingOnCalendars(symbols, from, to, isTradingDay, hasPrice,
                symbol -> market == Market.CRYPTO, run.heardFirstBy(storing(null))));
    }

    /** Stores each answer's bars, of {@code kept} symbols only unless null. */
    private DownloadListener storing(Set<String> kept) {
        return new DownloadListener() {
            @Override
            public void finished(SymbolDownload outcome) {
                store(PriceBar.SOURCE_ALPHA_VANTAGE, outcome.symbol(), outcome.bars());
            }

            @Override
            public void finished(DateDownload outcome) {
                List<PriceBar> bars = kept == null
                        ? outcome.bars()
                        : outcome.bars().stream().filter(bar -> kept.contains(bar.symbol())).toList();
                store(PriceBar.SOURCE_MASSIVE, String.valueOf(outcome.date()), bars);
            }
        };
    }

    private void store(String source, String what, List<PriceBar> bars) {
        if (!bars.isEmpty()) {
            ImportReport report = imports.storeBars(source, bars);
            Log.debugf("Downloaded prices of %s: %d inserted, %d replaced", what, report.inserted(),
                    report.replaced());
        }
    }
}
