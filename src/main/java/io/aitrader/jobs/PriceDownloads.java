package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ServiceSettings;
import io.aitrader.prices.AlphaVantageDownloader;
import io.aitrader.prices.DownloadResult;
import io.aitrader.prices.PriceImportService;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.TradingCalendar;
import io.quarkus.logging.Log;

/** Fetches missing prices from Alpha Vantage before a job runs, when AUTO_DOWNLOAD_PRICE_DATA and a key allow it. */
@ApplicationScoped
public class PriceDownloads {

    private final AlphaVantageDownloader downloader;
    private final PriceImportService imports;
    private final PriceRepository prices;
    private final TradingCalendar calendar;
    private final ServiceSettings settings;

    PriceDownloads(AlphaVantageDownloader downloader, PriceImportService imports, PriceRepository prices,
            TradingCalendar calendar, ServiceSettings settings) {
        this.downloader = downloader;
        this.imports = imports;
        this.prices = prices;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** Returns warnings for the job (downloads off, rate limit reached, symbols that failed). */
    public List<String> fetchMissing(List<String> symbols, LocalDate from, LocalDate to) {
        if (!settings.autoDownloadPriceData() || !downloader.enabled()) {
            return List.of();
        }
        var known = new java.util.HashSet<String>();
        prices.bars(symbols, from, to).forEach(bar -> known.add(bar.symbol() + "@" + bar.date()));
        DownloadResult result = downloader.downloadMissing(symbols, from, to, calendar::isTradingDay,
                (symbol, date) -> known.contains(symbol + "@" + date));
        List<String> warnings = new ArrayList<>(result.warnings());
        if (!result.bars().isEmpty()) {
            var report = imports.storeBars("alpha_vantage", result.bars());
            Log.infof("Downloaded prices: %d inserted, %d replaced", report.inserted(), report.replaced());
        }
        return warnings;
    }
}
