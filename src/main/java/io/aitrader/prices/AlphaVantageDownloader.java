package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.logging.Log;

/**
 * Downloads, symbol by symbol, the daily prices missing from a date range, and stops the whole run at Alpha Vantage's
 * first rate-limit answer. Storing the bars is the caller's job.
 */
@Singleton
public class AlphaVantageDownloader {

    /** The stop reason of a run stopped through its {@link StopSignal}. */
    static final String STOPPED = "cancelled";

    private final AlphaVantageClient client;
    private final DownloadCounters counters;

    public AlphaVantageDownloader(AlphaVantageClient client) {
        this(client, new CompositeMeterRegistry());
    }

    /** Counts each symbol's download by outcome in {@code registry} ({@code aitrader.price.downloads}). */
    @Inject
    public AlphaVantageDownloader(AlphaVantageClient client, MeterRegistry registry) {
        this.client = client;
        this.counters = new DownloadCounters(registry, "alpha_vantage");
    }

    public boolean enabled() {
        return client.enabled();
    }

    /** As below, watched by nobody and never stopped. */
    public DownloadResult downloadMissing(List<String> symbols, LocalDate from, LocalDate to,
            Predicate<LocalDate> isTradingDay, BiPredicate<String, LocalDate> hasPrice) {
        return downloadMissing(symbols, from, to, isTradingDay, hasPrice, DownloadRun.unobserved());
    }

    /**
     * Asks Alpha Vantage only for the symbols that lack a price on some trading day of {@code from}..{@code to} (days
     * after today never count), so weekends and holidays never cause a request. {@code run} hears each symbol's
     * outcome as it comes; once it is stopped, no further request starts.
     *
     * @param isTradingDay the exchange calendar
     * @param hasPrice whether the store already holds that symbol's price on that date
     * @return the outcome per symbol, with the bars dated within the range
     */
    public DownloadResult downloadMissing(List<String> symbols, LocalDate from, LocalDate to,
            Predicate<LocalDate> isTradingDay, BiPredicate<String, LocalDate> hasPrice, DownloadRun run) {
        return downloadMissingOnCalendars(symbols, from, to, (symbol, day) -> isTradingDay.test(day), hasPrice,
                symbol -> false, run);
    }

    /**
     * As above, each symbol on the calendar of its own exchange ({@code isTradingDay(symbol, day)}): the store holds
     * several markets' symbols side by side (contract 12).
     */
    public DownloadResult downloadMissingOnCalendars(List<String> symbols, LocalDate from, LocalDate to,
            BiPredicate<String, LocalDate> isTradingDay, BiPredicate<String, LocalDate> hasPrice,
            Predicate<String> coin, DownloadRun run) {
        LocalDate today = client.today();
        LocalDate last = to.isAfter(today) ? today : to;
        List<LocalDate> days = from.isAfter(last) ? List.of() : from.datesUntil(last.plusDays(1)).toList();
        Map<String, LocalDate> toAsk = new LinkedHashMap<>(); // symbol -> its first trading day without a price
        List<String> upToDate = new ArrayList<>();
        for (String symbol : distinct(symbols)) {
            days.stream().filter(day -> isTradingDay.test(symbol, day) && !hasPrice.test(symbol, day)).findFirst()
                    .ifPresentOrElse(day -> toAsk.put(symbol, day), () -> upToDate.add(symbol));
        }
        List<SymbolDownload> downloads = new ArrayList<>();
        List<String> notAttempted = new ArrayList<>();
        Map<String, DownloadResult.Series> series = new LinkedHashMap<>();
        String stopReason = client.enabled() ? null : "no Alpha Vantage API key is set";
        if (stopReason == null) {
            run.listener().started(toAsk.size(), client.requestsPerMinute());
        }
        for (Map.Entry<String, LocalDate> ask : toAsk.entrySet()) {
            String symbol = ask.getKey();
            if (stopReason == null && run.stop().stopped()) {
                stopReason = STOPPED;
            }
            SymbolDownload outcome = stopReason == null
                    ? fetch(symbol, coin.test(symbol), ask.getValue(), today, run.stop())
                    : null;
            if (outcome == null) {
                stopReason = stopReason != null ? stopReason : run.stop().stopped() ? STOPPED : "interrupted";
                notAttempted.add(symbol);
                continue;
            }
            if (outcome.ok()) {
                List<PriceBar> bars = outcome.bars(); // sorted by date
                series.put(symbol, new DownloadResult.Series(bars.get(0).date(), bars.get(bars.size() - 1).date()));
            }
            SymbolDownload kept = outcome.within(from, last);
            downloads.add(kept);
            run.listener().finished(kept);
            if (outcome.status() == SymbolDownload.Status.RATE_LIMITED) {
                stopReason = outcome.reason();
            }
        }
        DownloadResult result = new DownloadResult(downloads, upToDate, notAttempted, stopReason, series);
        log(result);
        count(result);
        return result;
    }

    /** The symbol's answer, or null when the request was interrupted (by the run's stop, or the thread's owner). */
    /** A coin's series is DIGITAL_CURRENCY_DAILY (its whole history), a stock's TIME_SERIES_DAILY. */
    private SymbolDownload fetch(String symbol, boolean coin, LocalDate firstMissing, LocalDate today,
            StopSignal stop) {
        try {
            return stop.interruptibly(() -> coin
                    ? client.fetchCoinDaily(symbol)
                    : client.fetchDaily(symbol, OutputSize.covering(firstMissing, today)));
        } catch (InterruptedException e) {
            if (!stop.stopped()) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    private static Set<String> distinct(List<String> symbols) {
        Set<String> distinct = new LinkedHashSet<>();
        symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(distinct::add);
        return distinct;
    }

    private void count(DownloadResult result) {
        result.downloads().forEach(download -> counters.count(download.status().name()));
        counters.notAttempted(result.notAttempted().size());
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
