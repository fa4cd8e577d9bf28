package io.aitrader.prices;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Fetches missing prices from Alpha Vantage before a job runs, when AUTO_DOWNLOAD_PRICE_DATA and a key allow it. Each
 * symbol's bars are stored as soon as they arrive, so a download stopped by the rate limit, a cancel or a crash keeps
 * what it got, and the next one asks only for the symbols still missing.
 */
@ApplicationScoped
public class PriceDownloads {

    private final AlphaVantageDownloader downloader;
    private final PriceImportService imports;
    private final PriceRepository prices;
    private final TradingCalendar calendar;
    private final PriceSettings settings;

    PriceDownloads(AlphaVantageDownloader downloader, PriceImportService imports, PriceRepository prices,
            TradingCalendar calendar, PriceSettings settings) {
        this.downloader = downloader;
        this.imports = imports;
        this.prices = prices;
        this.calendar = calendar;
        this.settings = settings;
    }

    /**
     * Downloads what {@code symbols} lack from {@code from} to {@code to}, watched and stoppable through {@code run};
     * empty when downloads are off or no key is set, so nothing was asked.
     */
    public Optional<DownloadResult> fetchMissing(List<String> symbols, LocalDate from, LocalDate to,
            DownloadRun run) {
        if (!settings.autoDownloadPriceData() || !downloader.enabled()) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>();
        prices.listBars(symbols, from, to).forEach(bar -> known.add(bar.symbol() + "@" + bar.date()));
        return Optional.of(downloader.downloadMissing(symbols, from, to, calendar::isTradingDay,
                (symbol, date) -> known.contains(symbol + "@" + date), run.heardFirstBy(this::store)));
    }

    private void store(SymbolDownload outcome) {
        if (!outcome.bars().isEmpty()) {
            ImportReport report = imports.storeBars("alpha_vantage", outcome.bars());
            Log.debugf("Downloaded prices of %s: %d inserted, %d replaced", outcome.symbol(), report.inserted(),
                    report.replaced());
        }
    }
}
