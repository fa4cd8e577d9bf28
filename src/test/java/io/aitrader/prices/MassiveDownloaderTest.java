package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.RetryPolicy;
import io.aitrader.prices.DateDownload.Status;
import io.aitrader.prices.FakeMassive.Reply;

/** Massive's grouped-daily downloads against the local stand-in, in its wire format. */
class MassiveDownloaderTest {

    /** Monday 2025-11-03, 10:00 in New York: the last settled day is Friday 2025-10-31. */
    private static final Instant NOW = Instant.parse("2025-11-03T15:00:00Z");
    private static final LocalDate MON = LocalDate.parse("2025-10-27");
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);
    private static final LocalDate FRI = MON.plusDays(4);
    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");
    private static final String KEY = "massive-secret-key";

    record Settings(Optional<String> apiKey, int requestsPerMinute, String baseUrl, boolean adjusted,
            boolean storeAllSymbols) implements PriceSettings.Massive {
    }

    private final FakeClock clock = new FakeClock(NOW);
    private final Set<String> stored = new HashSet<>();
    private final BiPredicate<String, LocalDate> hasPrice = (symbol, date) -> stored.contains(symbol + "|" + date);
    private FakeMassive server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeMassive(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksOncePerMissingTradingDayNeverForWeekendsStoredOrAnsweredDates() {
        SYMBOLS.forEach(s -> stored.add(s + "|" + MON)); // Monday complete
        stored.add("AAPL|" + WED); // Wednesday partly stored: still asked
        server.trades(WED, Map.of("AAPL", 230.5, "MSFT", 510.25, "NVDA", 190.0, "ZZZZ", 3.0));
        server.trades(THU, Map.of("AAPL", 231.0, "MSFT", 511.0, "NVDA", 191.5));
        server.trades(FRI, Map.of("AAPL", 232.0, "MSFT", 512.0, "NVDA", 192.0));

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(SYMBOLS, MON, FRI.plusDays(2), WEEKDAYS,
                hasPrice, Set.of(TUE), DownloadRun.unobserved());

        assertEquals(List.of(WED, THU, FRI), server.datesAsked()); // Tuesday answered before, Saturday and Sunday off
        server.requests.forEach(r -> {
            assertEquals("true", r.query().get("adjusted"));
            assertEquals(KEY, r.query().get("apiKey"));
        });
        assertFalse(result.stopped());
        assertEquals(10, result.bars().size()); // every ticker answered; the caller keeps the job's symbols
        PriceBar msft = result.bars().stream().filter(b -> b.symbol().equals("MSFT") && b.date().equals(WED))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("510.25"), msft.open());
        assertEquals(new BigDecimal("520.455"), msft.high()); // 510.25 x 1.02, kept to four decimals
        assertEquals(1_000_510L, msft.volume());
        assertEquals(PriceBar.SOURCE_MASSIVE, msft.source());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        assertTrue(result.excused("NVDA", TUE), "a date Massive answered before is complete");
    }

    @Test
    void aDayWithoutTradingAndASymbolMissingFromADayAreExcusedNotRefused() {
        server.trades(THU, Map.of("AAPL", 231.0, "MSFT", 511.0)); // NVDA absent that day
        // Wednesday: nothing queued, the stand-in answers like a market holiday (resultsCount 0, no results)

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(SYMBOLS, WED, THU, WEEKDAYS, hasPrice,
                Set.of(), DownloadRun.unobserved());

        assertEquals(List.of(WED, THU), server.datesAsked());
        assertEquals(Status.OK, result.downloads().get(0).status());
        assertTrue(result.downloads().get(0).bars().isEmpty());
        assertTrue(result.excused("NVDA", THU));
        assertTrue(result.dateNotDownloaded(WED).isEmpty());
        MissingPrices rule = MissingPrices.afterDownload(result, Map.of());
        assertEquals(Optional.empty(), rule.check(THU, SYMBOLS, (s, d) -> !s.equals("NVDA")));
        assertEquals(Optional.of("no prices for that date"), rule.check(WED, SYMBOLS, (s, d) -> false));
    }

    @Test
    void aDateThePlanRefusesIsSkippedWithItsReasonAndTheOthersGoOn() {
        server.on(WED, new Reply(403, FakeMassive.PLAN_REFUSAL));
        server.trades(THU, Map.of("AAPL", 231.0, "MSFT", 511.0, "NVDA", 191.5));

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(SYMBOLS, WED, THU, WEEKDAYS, hasPrice,
                Set.of(), DownloadRun.unobserved());

        assertEquals(List.of(WED, THU), server.datesAsked());
        assertEquals(Status.REFUSED, result.downloads().get(0).status());
        assertFalse(result.stopped());
        String reason = result.dateNotDownloaded(WED).orElseThrow();
        assertTrue(reason.startsWith("Massive's plan does not cover 2025-10-29: Your plan doesn't include this data "
                + "timeframe"), reason);
        String skipped = MissingPrices.afterDownload(result, Map.of()).check(WED, SYMBOLS, (s, d) -> false)
                .orElseThrow();
        assertTrue(skipped.startsWith("3 symbols not downloaded (AAPL, MSFT, NVDA): Massive's plan does not cover"),
                skipped);
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).startsWith("Massive's plan does not cover 1 date (2025-10-29): "),
                result.warnings().toString());
    }

    @Test
    void aRateLimitStopsTheRunAndTheRestIsNeverAsked() {
        server.trades(WED, Map.of("AAPL", 230.5, "MSFT", 510.25, "NVDA", 190.0));
        server.on(THU, new Reply(429, FakeMassive.RATE_LIMIT));

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(SYMBOLS, WED, FRI, WEEKDAYS, hasPrice,
                Set.of(), DownloadRun.unobserved());

        assertEquals(List.of(WED, THU), server.datesAsked());
        assertTrue(result.stopped());
        assertTrue(result.stopReason().startsWith("Massive answered HTTP 429 Too Many Requests: You've exceeded"),
                result.stopReason());
        assertEquals(List.of(FRI), result.notAttempted());
        assertTrue(result.dateNotDownloaded(FRI).orElseThrow().startsWith("never asked, the download stopped"));
        assertTrue(result.warnings().get(0).contains("2 of 3 dates remain to download"), result.warnings().toString());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenOnlyThatDateFails() {
        server.on(WED, new Reply(503, "<html>Service Unavailable</html>"));
        server.on(THU, new Reply(502, ""), new Reply(200, FakeMassive.grouped(THU, Map.of("AAPL", 231.0))));

        DateDownloadResult result = downloader(100, KEY, true).downloadMissing(List.of("AAPL"), WED, THU, WEEKDAYS,
                hasPrice, Set.of(), DownloadRun.unobserved());

        assertEquals(List.of(WED, WED, WED, WED, THU, THU), server.datesAsked());
        assertEquals(Status.FAILED, result.downloads().get(0).status());
        assertEquals("gave up after 4 attempts: server error (HTTP 503)", result.downloads().get(0).reason());
        assertEquals(Status.OK, result.downloads().get(1).status());
        assertEquals(2, result.downloads().get(1).attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(1)), clock.sleeps);
        assertEquals(List.of("price download failed for 2025-10-29: gave up after 4 attempts: server error (HTTP 503)"),
                result.warnings());
    }

    @Test
    void anUnknownKeyStopsTheRunAndTheKeyNeverShows() {
        server.on(WED, new Reply(401, FakeMassive.UNKNOWN_KEY.replace("Unknown API Key",
                "Unknown API Key " + KEY)));

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(SYMBOLS, WED, THU, WEEKDAYS, hasPrice,
                Set.of(), DownloadRun.unobserved());

        assertTrue(result.stopped());
        assertEquals("Massive refused the API key (HTTP 401): Unknown API Key ***", result.stopReason());
        assertEquals(List.of(THU), result.notAttempted());
        result.warnings().forEach(w -> assertFalse(w.contains(KEY), w));
    }

    @Test
    void todayIsAskedOnlyOnceItsCloseHasSettledAndUnadjustedIsASetting() {
        LocalDate today = LocalDate.parse("2025-11-03");
        server.trades(today, Map.of("AAPL", 233.0, "MSFT", 513.0, "NVDA", 193.0));
        var downloader = downloader(5, KEY, false);

        downloader.downloadMissing(SYMBOLS, today, today, WEEKDAYS, hasPrice, Set.of(), DownloadRun.unobserved());
        assertEquals(List.of(), server.datesAsked()); // 10:00 in New York
        clock.advance(Duration.ofHours(7).plusMinutes(30)); // 17:30
        DateDownloadResult later = downloader.downloadMissing(SYMBOLS, today, today, WEEKDAYS, hasPrice, Set.of(),
                DownloadRun.unobserved());

        assertEquals(List.of(today), server.datesAsked());
        assertEquals("false", server.requests.get(0).query().get("adjusted"));
        assertEquals(3, later.bars().size());
    }

    @Test
    void theBudgetSpacesRequestsToFiveAMinute() {
        LocalDate first = LocalDate.parse("2025-10-06");
        List<LocalDate> days = first.datesUntil(first.plusDays(12)).filter(WEEKDAYS).toList(); // 10 trading days
        days.forEach(d -> server.trades(d, Map.of("AAPL", 230.0)));

        DateDownloadResult result = downloader(5, KEY, true).downloadMissing(List.of("AAPL"), first,
                days.get(days.size() - 1), WEEKDAYS, hasPrice, Set.of(), DownloadRun.unobserved());

        assertEquals(days, server.datesAsked());
        assertEquals(10, result.downloads().stream().filter(DateDownload::ok).count());
        Instant start = server.requests.get(0).at();
        assertTrue(server.requests.get(4).at().isBefore(start.plusSeconds(60)));
        assertFalse(server.requests.get(5).at().isBefore(start.plusSeconds(60)), "the sixth waits for the minute");
    }

    private MassiveDownloader downloader(int perMinute, String key, boolean adjusted) {
        var settings = new Settings(Optional.of(key), perMinute, server.baseUrl(), adjusted, false);
        var retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(perMinute, clock, clock.pause()),
                Duration.ofSeconds(5), retry, clock.pause());
        return new MassiveDownloader(new MassiveClient(settings, http, clock));
    }
}
