package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.RetryPolicy;

/**
 * What a catch-up of the default config (the NASDAQ-100 universe and QQQ, 30 days of look-back before the first
 * date, as a job's preparation asks) costs in requests on each provider, counted at the stand-ins: from an empty
 * store for 5 and 250 days, and the daily run once the store is up to date.
 */
class CatchUpRequestsTest {

    /** Friday 2025-10-31, 18:00 in New York: the day has settled. */
    private static final Instant NOW = Instant.parse("2025-10-31T22:00:00Z");
    private static final LocalDate LAST = LocalDate.parse("2025-10-31");
    private static final int LOOKBACK_DAYS = 30;
    private static final TradingCalendar CALENDAR = new TradingCalendar();
    private static final RetryPolicy RETRY = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    private final FakeClock clock = new FakeClock(NOW);

    @Test
    void massiveAsksOncePerTradingDayAndOnceForTheDailyRun() throws IOException {
        List<String> symbols = defaultSymbols();
        try (FakeMassive massive = new FakeMassive(clock)) {
            Map<String, Double> opens = new LinkedHashMap<>();
            symbols.forEach(s -> opens.put(s, 100.0));
            List<LocalDate> year = CALENDAR.tradingDays(LAST.minusDays(400), LAST);
            LocalDate first250 = year.get(year.size() - 250);
            CALENDAR.tradingDays(first250.minusDays(LOOKBACK_DAYS), LAST).forEach(d -> massive.trades(d, opens));

            int fiveDays = massiveRequests(massive, symbols, fifthLastTradingDay(), Set.of());
            int yearly = massiveRequests(massive, symbols, first250, Set.of());
            Set<LocalDate> stored = new HashSet<>(CALENDAR.tradingDays(first250.minusDays(LOOKBACK_DAYS),
                    LAST.minusDays(1)));
            int daily = massiveRequests(massive, symbols, LAST, stored);

            System.out.printf("Massive, %d symbols: 5-day catch-up %d requests, 250-day %d, daily run %d%n",
                    symbols.size(), fiveDays, yearly, daily);
            assertEquals(CALENDAR.tradingDays(fifthLastTradingDay().minusDays(LOOKBACK_DAYS), LAST).size(), fiveDays);
            assertEquals(CALENDAR.tradingDays(first250.minusDays(LOOKBACK_DAYS), LAST).size(), yearly);
            assertEquals(1, daily);
        }
    }

    @Test
    void alphaVantageAsksOncePerSymbolWhateverTheRange() throws IOException {
        List<String> symbols = defaultSymbols();
        try (FakeAlphaVantage alphaVantage = new FakeAlphaVantage(clock)) {
            List<LocalDate> newestFirst = new ArrayList<>(CALENDAR.tradingDays(LAST.minusDays(420), LAST));
            Collections.reverse(newestFirst);
            LocalDate[] dates = newestFirst.toArray(LocalDate[]::new);
            symbols.forEach(s -> alphaVantage.ok(s, AlphaVantageBodies.daily(s, dates)));
            var settings = new AlphaVantageBodies.Settings(Optional.of("KEY"), 1000, alphaVantage.baseUrl());
            var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(1000, clock, clock.pause()),
                    Duration.ofSeconds(10), RETRY, clock.pause());
            var downloader = new AlphaVantageDownloader(new AlphaVantageClient(settings, http, clock));

            LocalDate first250 = newestFirst.get(249);
            int fiveDays = alphaVantageRequests(alphaVantage, downloader, symbols, fifthLastTradingDay(), Set.of());
            int year = alphaVantageRequests(alphaVantage, downloader, symbols, first250, Set.of());
            Set<String> stored = new HashSet<>();
            CALENDAR.tradingDays(first250.minusDays(LOOKBACK_DAYS), LAST.minusDays(1))
                    .forEach(d -> symbols.forEach(s -> stored.add(s + "|" + d)));
            int daily = alphaVantageRequests(alphaVantage, downloader, symbols, LAST, stored);

            System.out.printf("Alpha Vantage, %d symbols: 5-day catch-up %d requests, 250-day %d, daily run %d%n",
                    symbols.size(), fiveDays, year, daily);
            assertEquals(symbols.size(), fiveDays);
            assertEquals(symbols.size(), year);
            assertEquals(symbols.size(), daily);
        }
    }

    private int massiveRequests(FakeMassive massive, List<String> symbols, LocalDate first, Set<LocalDate> stored) {
        var settings = new MassiveDownloaderTest.Settings(Optional.of("KEY"), 1000, massive.baseUrl(), true, false);
        var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(1000, clock, clock.pause()),
                Duration.ofSeconds(10), RETRY, clock.pause());
        int before = massive.requests.size();
        DateDownloadResult result = new MassiveDownloader(new MassiveClient(settings, http, clock)).downloadMissing(
                symbols, first.minusDays(LOOKBACK_DAYS), LAST, CALENDAR::isTradingDay,
                (s, d) -> stored.contains(d), Set.of(), DownloadRun.unobserved());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        return massive.requests.size() - before;
    }

    private static int alphaVantageRequests(FakeAlphaVantage alphaVantage, AlphaVantageDownloader downloader,
            List<String> symbols, LocalDate first, Set<String> stored) {
        int before = alphaVantage.requestCount();
        DownloadResult result = downloader.downloadMissing(symbols, first.minusDays(LOOKBACK_DAYS), LAST,
                CALENDAR::isTradingDay, (s, d) -> stored.contains(s + "|" + d));
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        return alphaVantage.requestCount() - before;
    }

    private static LocalDate fifthLastTradingDay() {
        List<LocalDate> days = CALENDAR.tradingDays(LAST.minusDays(14), LAST);
        return days.get(days.size() - 5);
    }

    /** The default config's universe (configs/nasdaq100_symbols.json) and its benchmark. */
    private static List<String> defaultSymbols() throws IOException {
        var universe = new ObjectMapper().readTree(Files.readString(Path.of("configs", "nasdaq100_symbols.json")));
        List<String> symbols = new ArrayList<>();
        universe.path("symbols").forEach(s -> symbols.add(s.asText()));
        symbols.add("QQQ");
        return symbols;
    }
}
