package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.Pause;
import io.aitrader.platform.retry.RetryPolicy;
import io.aitrader.prices.SymbolDownload.Status;
import io.aitrader.testing.Await;

class AlphaVantageDownloaderTest {

    /** Monday 2025-11-03, 10:00 in New York. */
    private static final Instant NOW = Instant.parse("2025-11-03T15:00:00Z");
    private static final LocalDate MON = LocalDate.parse("2025-10-27");
    private static final LocalDate FRI = LocalDate.parse("2025-10-31");
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private final FakeClock clock = new FakeClock(NOW);
    private final Set<String> stored = new HashSet<>();
    private final BiPredicate<String, LocalDate> hasPrice = (symbol, date) -> stored.contains(symbol + "|" + date);
    private FakeAlphaVantage server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeAlphaVantage(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksOnlyForSymbolsMissingATradingDayAndKeepsBarsInRange() {
        MON.datesUntil(FRI.plusDays(1)).forEach(d -> stored.add("AAPL|" + d));
        MON.datesUntil(FRI).forEach(d -> stored.add("MSFT|" + d));
        server.ok("MSFT", AlphaVantageBodies.daily("MSFT", FRI, FRI.minusDays(1), MON.minusDays(3)));
        server.ok("NVDA", AlphaVantageBodies.aiTrader("NVDA", FRI, MON));

        DownloadResult result = downloader(5, "KEY").downloadMissing(List.of("AAPL", "MSFT", "NVDA", "MSFT"), MON,
                FRI, WEEKDAYS, hasPrice);

        assertEquals(List.of("MSFT", "NVDA"), server.symbolsAsked());
        assertEquals(List.of("AAPL"), result.upToDate());
        assertFalse(result.stopped());
        assertEquals(List.of(FRI.minusDays(1), FRI, MON, FRI), result.bars().stream().map(PriceBar::date).toList());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void weekendsAndFutureDatesNeverCauseARequest() {
        var downloader = downloader(5, "KEY");

        DownloadResult weekend = downloader.downloadMissing(List.of("AAPL"), LocalDate.parse("2025-11-01"),
                LocalDate.parse("2025-11-02"), WEEKDAYS, hasPrice);
        DownloadResult future = downloader.downloadMissing(List.of("AAPL"), LocalDate.parse("2025-11-04"),
                LocalDate.parse("2025-11-10"), WEEKDAYS, hasPrice);
        DownloadResult holiday = downloader.downloadMissing(List.of("AAPL"), LocalDate.parse("2025-01-09"),
                LocalDate.parse("2025-01-09"), WEEKDAYS.and(d -> !d.equals(LocalDate.parse("2025-01-09"))),
                hasPrice);

        assertTrue(server.requests.isEmpty(), server.requests.toString());
        assertEquals(List.of("AAPL"), weekend.upToDate());
        assertEquals(List.of("AAPL"), future.upToDate());
        assertEquals(List.of("AAPL"), holiday.upToDate());
    }

    /** Each symbol on its own exchange's calendar (contract 12): Good Friday 2025 is a NYSE holiday, not an SSE one. */
    @Test
    void eachSymbolCountsTheDaysOfItsOwnExchange() {
        LocalDate goodFriday = LocalDate.parse("2025-04-18");
        LocalDate nationalDay = LocalDate.parse("2025-10-01");
        TradingCalendar calendars = new TradingCalendar();
        server.ok("600519.SHH", AlphaVantageBodies.daily("600519.SHH", goodFriday));

        DownloadResult result = downloader(5, "KEY").downloadMissingOnCalendars(List.of("AAPL", "600519.SHH"),
                goodFriday, goodFriday, (symbol, day) -> calendars.ofSymbol(symbol).isTradingDay(day), hasPrice,
                symbol -> false, DownloadRun.unobserved());
        DownloadResult closed = downloader(5, "KEY").downloadMissingOnCalendars(List.of("600519.SHH"), nationalDay,
                nationalDay, (symbol, day) -> calendars.ofSymbol(symbol).isTradingDay(day), hasPrice,
                symbol -> false, DownloadRun.unobserved());

        assertEquals(List.of("600519.SHH"), server.symbolsAsked(), "AAPL's exchange was closed");
        assertEquals(List.of("AAPL"), result.upToDate());
        assertEquals(List.of(goodFriday), result.bars().stream().map(PriceBar::date).toList());
        assertEquals(List.of("600519.SHH"), closed.upToDate(), "the SSE is closed for National Day");
    }

    /** A coin is asked for as DIGITAL_CURRENCY_DAILY in USD, and its weekend days count (contract 12). */
    @Test
    void coinsAreAskedForAsDigitalCurrencyDailyInUsd() {
        server.ok("BTC", """
                {"Meta Data": {"1. Information": "Daily Prices and Volumes for Digital Currency",
                 "2. Digital Currency Code": "BTC", "4. Market Code": "USD", "7. Time Zone": "UTC"},
                 "Time Series (Digital Currency Daily)": {
                  "2025-10-05": {"1. open": "122232.21", "2. high": "125708.42", "3. low": "121500.00",
                                 "4. close": "123513.69", "5. volume": "45.76416024"},
                  "2025-10-04": {"1a. open (USD)": "122391.00", "4a. close (USD)": "122232.21",
                                 "5. volume": "12.5"}}}""");
        LocalDate saturday = LocalDate.parse("2025-10-04");
        LocalDate sunday = LocalDate.parse("2025-10-05");

        DownloadResult result = downloader(5, "KEY").downloadMissingOnCalendars(List.of("BTC"), saturday, sunday,
                (symbol, day) -> true, hasPrice, symbol -> true, DownloadRun.unobserved());

        Map<String, String> asked = server.requests.get(0).query();
        assertEquals("DIGITAL_CURRENCY_DAILY", asked.get("function"));
        assertEquals("USD", asked.get("market"));
        assertEquals(List.of(saturday, sunday), result.bars().stream().map(PriceBar::date).toList());
        assertEquals(new BigDecimal("123513.69"), result.bars().get(1).close());
        assertEquals(new BigDecimal("122232.21"), result.bars().get(0).close(), "the older form's 4a. close (USD)");
        assertEquals(45L, result.bars().get(1).volume());
    }

    @Test
    void recentGapsAskForCompactOutputOldOnesForFull() {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI));
        server.ok("MSFT", AlphaVantageBodies.daily("MSFT", FRI));
        LocalDate recent = LocalDate.parse("2025-07-01");
        LocalDate old = LocalDate.parse("2025-06-02");
        old.datesUntil(recent).forEach(d -> stored.add("AAPL|" + d));

        downloader(5, "KEY").downloadMissing(List.of("AAPL", "MSFT"), old, FRI, WEEKDAYS, hasPrice);

        assertEquals(List.of("compact", "full"),
                server.requests.stream().map(r -> r.query().get("outputsize")).toList());
    }

    @Test
    void noteStopsTheRunBeforeTheNextRequest() {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI));
        server.ok("MSFT", AlphaVantageBodies.NOTE);
        server.ok("NVDA", AlphaVantageBodies.daily("NVDA", FRI));

        DownloadResult result = downloader(5, "KEY").downloadMissing(List.of("AAPL", "MSFT", "NVDA"), FRI, FRI,
                WEEKDAYS, hasPrice);

        assertEquals(List.of("AAPL", "MSFT"), server.symbolsAsked());
        assertTrue(result.stopped());
        assertTrue(result.stopReason().contains("5 calls per minute"), result.stopReason());
        assertEquals(List.of("NVDA"), result.notAttempted());
        assertEquals(Status.RATE_LIMITED, result.downloads().get(1).status());
        assertEquals(1, result.bars().size());
        assertTrue(result.warnings().get(0).startsWith("price download stopped:"), result.warnings().toString());
    }

    @Test
    void informationStopsTheRunToo() {
        server.ok("AAPL", AlphaVantageBodies.INFORMATION);

        DownloadResult result = downloader(5, "KEY").downloadMissing(List.of("AAPL", "MSFT", "NVDA"), FRI, FRI,
                WEEKDAYS, hasPrice);

        assertEquals(List.of("AAPL"), server.symbolsAsked());
        assertTrue(result.stopReason().contains("premium plans"), result.stopReason());
        assertEquals(List.of("MSFT", "NVDA"), result.notAttempted());
    }

    @Test
    void errorMessageFailsOnlyThatSymbol() {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI));
        server.ok("NVDA", AlphaVantageBodies.daily("NVDA", FRI));
        server.ok("BROKEN", "{\"Meta Data\": {}, \"Time Series (Daily)\": {\"2025-10-31\": {\"1. open\": ");

        DownloadResult result = downloader(5, "KEY").downloadMissing(List.of("AAPL", "NOPE", "BROKEN", "NVDA"), FRI,
                FRI, WEEKDAYS, hasPrice);

        assertEquals(List.of("AAPL", "NOPE", "BROKEN", "NVDA"), server.symbolsAsked());
        assertFalse(result.stopped());
        assertEquals(List.of("NOPE", "BROKEN"), List.copyOf(result.failures().keySet()));
        assertTrue(result.failures().get("NOPE").contains("Invalid API call"));
        assertTrue(result.failures().get("BROKEN").contains("not valid JSON"));
        assertEquals(List.of("AAPL", "NVDA"), result.bars().stream().map(PriceBar::symbol).toList());
        assertEquals(2, result.warnings().size());
    }

    @Test
    void twelveSymbolsAtFivePerMinuteRespectTheBudget() {
        List<String> symbols = IntStream.rangeClosed(1, 12).mapToObj(i -> "SYM" + i).toList();
        symbols.forEach(s -> server.ok(s, AlphaVantageBodies.daily(s, FRI)));

        DownloadResult result = downloader(5, "KEY").downloadMissing(symbols, FRI, FRI, WEEKDAYS, hasPrice);

        assertEquals(12, result.bars().size());
        assertEquals(12, server.requests.size());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1)), clock.sleeps);
        RequestBudgetTest.assertAtMostPerMinute(5, server.requests.stream().map(FakeAlphaVantage.Request::at).toList());
    }

    @Test
    void withoutAKeyNothingIsAsked() {
        DownloadResult result = downloader(5, "").downloadMissing(List.of("AAPL", "MSFT"), FRI, FRI, WEEKDAYS,
                hasPrice);

        assertTrue(server.requests.isEmpty());
        assertTrue(result.stopped());
        assertEquals(List.of("AAPL", "MSFT"), result.notAttempted());
    }

    @Test
    void theRunHearsTheCountFirstThenEachSymbolAndTheSeriesKeepsTheAnswersWholeSpan() {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI, MON, MON.minusDays(3)));
        server.ok("MSFT", AlphaVantageBodies.NOTE);
        List<String> heard = new CopyOnWriteArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void started(int symbols, int requestsPerMinute) {
                heard.add("started " + symbols + " at " + requestsPerMinute + "/min");
            }

            @Override
            public void finished(SymbolDownload outcome) {
                heard.add(outcome.symbol() + " " + outcome.status() + " " + outcome.bars().size());
            }
        };

        DownloadResult result = downloader(5, "KEY").downloadMissing(List.of("AAPL", "MSFT", "NVDA"), MON, FRI,
                WEEKDAYS, hasPrice, new DownloadRun(listener, new StopSignal()));

        assertEquals(List.of("started 3 at 5/min", "AAPL OK 2", "MSFT RATE_LIMITED 0"), heard);
        assertEquals(new DownloadResult.Series(MON.minusDays(3), FRI), result.series().get("AAPL"));
        assertEquals(List.of("MSFT", "NVDA"), result.remaining());
        assertTrue(result.warnings().get(0).endsWith("2 of 3 symbols remain to download (the next trigger "
                + "continues the download)"), result.warnings().toString());
    }

    @Test
    void aStopEndsTheWaitForTheBudgetAtOnceAndNothingMoreIsAsked() throws InterruptedException {
        List.of("AAPL", "MSFT", "NVDA").forEach(s -> server.ok(s, AlphaVantageBodies.daily(s, FRI)));
        StopSignal stop = new StopSignal();
        var settings = new AlphaVantageBodies.Settings(Optional.of("KEY"), 1, server.baseUrl());
        var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(1, Clock.systemUTC(),
                Pause.system()), PriceHttp.REQUEST_TIMEOUT, PriceHttp.RETRY, Pause.system());
        var realTime = new AlphaVantageDownloader(new AlphaVantageClient(settings, http, clock));

        DownloadResult result = stopAfter(stop, 300, () -> realTime.downloadMissing(List.of("AAPL", "MSFT", "NVDA"),
                FRI, FRI, WEEKDAYS, hasPrice, new DownloadRun(DownloadListener.NONE, stop)));

        assertEquals(List.of("AAPL"), server.symbolsAsked()); // MSFT waited a minute for the budget, then stopped
        assertEquals("cancelled", result.stopReason());
        assertEquals(List.of("MSFT", "NVDA"), result.notAttempted());
        assertFalse(Thread.currentThread().isInterrupted(), "the stop's interrupt stays inside the request");
    }

    @Test
    void aStopEndsARequestInFlight() throws InterruptedException {
        List.of("AAPL", "MSFT").forEach(s -> server.ok(s, AlphaVantageBodies.daily(s, FRI)));
        server.slowly(10_000);
        StopSignal stop = new StopSignal();

        DownloadResult result = stopAfter(stop, 300, () -> downloader(5, "KEY").downloadMissing(
                List.of("AAPL", "MSFT"), FRI, FRI, WEEKDAYS, hasPrice, new DownloadRun(DownloadListener.NONE, stop)));

        assertEquals(List.of("AAPL"), server.symbolsAsked());
        assertEquals(List.of("AAPL", "MSFT"), result.notAttempted());
        assertTrue(result.bars().isEmpty());
    }

    /**
     * Runs {@code download} here while another thread stops it {@code millis} after the stand-in received the first
     * request; it must end within 2 s of the stop.
     */
    private DownloadResult stopAfter(StopSignal stop, long millis, Supplier<DownloadResult> download)
            throws InterruptedException {
        long[] stoppedAt = {0};
        AssertionError[] stopperFailed = {null};
        Thread stopper = new Thread(() -> {
            try {
                Await.until(Duration.ofSeconds(30), Duration.ofMillis(10), () -> server.requestCount() > 0,
                        "the stand-in's first request");
                Await.pause(millis);
            } catch (AssertionError e) {
                stopperFailed[0] = e;
                return;
            }
            stoppedAt[0] = System.nanoTime();
            stop.stop();
        });
        stopper.start();
        DownloadResult result = download.get();
        long ended = System.nanoTime();
        stopper.join(Duration.ofSeconds(40).toMillis());
        if (stopperFailed[0] != null) {
            throw stopperFailed[0];
        }
        long afterStop = Duration.ofNanos(ended - stoppedAt[0]).toMillis();
        assertTrue(stoppedAt[0] > 0 && afterStop < 2_000, "the download ended " + afterStop + " ms after the stop");
        return result;
    }

    private AlphaVantageDownloader downloader(int perMinute, String key) {
        var settings = new AlphaVantageBodies.Settings(Optional.of(key), perMinute, server.baseUrl());
        var retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        var http = new PriceHttp(new SharedHttpClient().client(),
                new RequestBudget(perMinute, clock, clock.pause()), Duration.ofSeconds(5), retry, clock.pause());
        return new AlphaVantageDownloader(new AlphaVantageClient(settings, http, clock));
    }
}
