package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.logging.Log;

/**
 * Downloads, symbol by symbol, the daily prices missing from a date range, and stops the whole run at Alpha Vantage's
 * first rate-limit answer. Storing the bars is the caller's job.
 */
@Singleton
public class AlphaVantageDownloader {

    static final String DOWNLOADS = "aitrader.price.downloads";

    private final AlphaVantageClient client;
    private final Counter ok;
    private final Counter rateLimited;
    private final Counter failed;
    private final Counter notAttempted;

    public AlphaVantageDownloader(AlphaVantageClient client) {
        this(client, new CompositeMeterRegistry());
    }

    /** Counts each symbol's download by outcome (ok, rate_limited, failed, not_attempted) in {@code registry}. */
    @Inject
    public AlphaVantageDownloader(AlphaVantageClient client, MeterRegistry registry) {
        this.client = client;
        ok = counter(registry, "ok");
        rateLimited = counter(registry, "rate_limited");
        failed = counter(registry, "failed");
        notAttempted = counter(registry, "not_attempted");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(DOWNLOADS).description("Alpha Vantage price downloads, one per symbol, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    public boolean enabled() {
        return client.enabled();
    }

    /**
     * Asks Alpha Vantage only for the symbols that lack a price on some trading day of {@code from}..{@code to} (days
     * after today never count), so weekends and holidays never cause a request.
     *
     * @param isTradingDay the exchange calendar
     * @param hasPrice whether the store already holds that symbol's price on that date
     * @return the outcome per symbol, with the bars dated within the range
     */
    public DownloadResult downloadMissing(List<String> symbols, LocalDate from, LocalDate to,
            Predicate<LocalDate> isTradingDay, BiPredicate<String, LocalDate> hasPrice) {
        LocalDate today = client.today();
        LocalDate last = to.isAfter(today) ? today : to;
        List<LocalDate> days = from.isAfter(last)
                ? List.of()
                : from.datesUntil(last.plusDays(1)).filter(isTradingDay).toList();
        List<SymbolDownload> downloads = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        List<String> notAttempted = new ArrayList<>();
        String stopReason = null;
        for (String symbol : distinct(symbols)) {
            Optional<LocalDate> firstMissing = days.stream().filter(day -> !hasPrice.test(symbol, day)).findFirst();
            if (firstMissing.isEmpty()) {
                upToDate.add(symbol);
            } else if (stopReason != null) {
                notAttempted.add(symbol);
            } else if (!client.enabled()) {
                stopReason = "no Alpha Vantage API key is set";
                notAttempted.add(symbol);
            } else {
                SymbolDownload outcome = fetch(symbol, firstMissing.get(), today);
                if (outcome == null) {
                    stopReason = "interrupted";
                    notAttempted.add(symbol);
                    continue;
                }
                downloads.add(outcome.within(from, last));
                if (outcome.status() == SymbolDownload.Status.RATE_LIMITED) {
                    stopReason = outcome.reason();
                }
            }
        }
        DownloadResult result = new DownloadResult(downloads, upToDate, notAttempted, stopReason);
        log(result);
        count(result);
        return result;
    }

    private SymbolDownload fetch(String symbol, LocalDate firstMissing, LocalDate today) {
        try {
            return client.fetchDaily(symbol, OutputSize.covering(firstMissing, today));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Set<String> distinct(List<String> symbols) {
        Set<String> distinct = new LinkedHashSet<>();
        symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(distinct::add);
        return distinct;
    }

    private void count(DownloadResult result) {
        for (SymbolDownload download : result.downloads()) {
            switch (download.status()) {
                case OK -> ok.increment();
                case RATE_LIMITED -> rateLimited.increment();
                case SYMBOL_FAILED -> failed.increment();
            }
        }
        notAttempted.increment(result.notAttempted().size());
    }

    private static void log(DownloadResult result) {
        long ok = result.downloads().stream().filter(SymbolDownload::ok).count();
        Log.infof("Alpha Vantage download: %d symbols downloaded (%d bars), %d failed, %d up to date, %d not attempted",
                ok, result.bars().size(), result.downloads().size() - ok, result.upToDate().size(),
                result.notAttempted().size());
        if (result.stopped()) {
            Log.warnf("Alpha Vantage download stopped: %s", result.stopReason());
        }
    }
}
