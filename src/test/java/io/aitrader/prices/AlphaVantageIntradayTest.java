package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.RetryPolicy;
import io.aitrader.prices.FakeAlphaVantage.Reply;
import io.aitrader.prices.SymbolDownload.Status;

/**
 * Intraday downloads (contract 13) against the Alpha Vantage stand-in, in its wire forms: TIME_SERIES_INTRADAY with
 * interval=60min and a month, CRYPTO_INTRADAY with market=USD, and the answers that are not prices.
 */
class AlphaVantageIntradayTest {

    private static final String KEY = "K3Y-SECRET-42";

    private final FakeClock clock = new FakeClock(Instant.parse("2025-11-03T15:00:00Z"));
    private FakeAlphaVantage server;
    private AlphaVantageClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeAlphaVantage(clock);
        var settings = new AlphaVantageBodies.Settings(Optional.of(KEY), 5, server.baseUrl());
        var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(100, clock, clock.pause()),
                Duration.ofSeconds(5), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
                clock.pause());
        client = new AlphaVantageClient(settings, http, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStockMonthAndACoinAreAskedAtSixtyMinutesAndReadByTheirStart() throws InterruptedException {
        server.ok("AAPL", AlphaVantageBodies.INTRADAY_AAPL).ok("ETH", AlphaVantageBodies.INTRADAY_ETH);

        IntradayDownload aapl = client.fetchIntraday("AAPL", YearMonth.of(2025, 3));
        IntradayDownload eth = client.fetchCoinIntraday("ETH");

        assertEquals(Map.of("function", "TIME_SERIES_INTRADAY", "symbol", "AAPL", "interval", "60min", "month",
                "2025-03", "outputsize", "full", "apikey", KEY), server.requests.get(0).query());
        assertEquals(Map.of("function", "CRYPTO_INTRADAY", "symbol", "ETH", "market", "USD", "interval", "60min",
                "outputsize", "full", "apikey", KEY), server.requests.get(1).query());
        assertEquals(Status.OK, aapl.status());
        // the rows off the hour, on a Saturday or with a negative open are left out
        assertEquals(List.of(LocalDateTime.of(2025, 3, 4, 9, 0), LocalDateTime.of(2025, 3, 4, 10, 0),
                LocalDateTime.of(2025, 3, 4, 15, 0)), aapl.bars().stream().map(IntradayBar::start).toList());
        assertEquals(PriceBar.SOURCE_ALPHA_VANTAGE, aapl.bars().get(0).source());
        assertEquals(Status.OK, eth.status());
        assertEquals(List.of(203L, 148L), eth.bars().stream().map(IntradayBar::volume).toList());
    }

    @Test
    void limitsErrorsOtherIntervalsAndGarbageAreNotBars() throws InterruptedException {
        server.ok("AAPL", AlphaVantageBodies.INFORMATION)
                .ok("MSFT", "{\"Error Message\": \"Invalid API call. apikey=" + KEY + "\"}")
                .ok("NVDA", AlphaVantageBodies.INTRADAY_AAPL.replace("(60min)", "(5min)"))
                .ok("AMD", "{\"Meta Data\": {\"2. Symbol\": \"AMD\"}, \"Time Series (60min\": ")
                .on("TSLA", new Reply(429, "{}", false));

        assertEquals(Status.RATE_LIMITED, client.fetchIntraday("AAPL", YearMonth.of(2025, 3)).status());
        IntradayDownload error = client.fetchIntraday("MSFT", YearMonth.of(2025, 3));
        assertEquals(Status.SYMBOL_FAILED, error.status());
        assertFalse(error.reason().contains(KEY), error.reason());
        IntradayDownload fiveMinutes = client.fetchIntraday("NVDA", YearMonth.of(2025, 3));
        assertEquals(Status.SYMBOL_FAILED, fiveMinutes.status());
        assertTrue(fiveMinutes.reason().contains("Only 60-minute"), fiveMinutes.reason());
        assertEquals(Status.SYMBOL_FAILED, client.fetchIntraday("AMD", YearMonth.of(2025, 3)).status());
        assertEquals(Status.RATE_LIMITED, client.fetchIntraday("TSLA", YearMonth.of(2025, 3)).status());
    }
}
