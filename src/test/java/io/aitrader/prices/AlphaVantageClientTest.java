package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.RetryPolicy;
import io.aitrader.prices.FakeAlphaVantage.Reply;
import io.aitrader.prices.SymbolDownload.Status;

class AlphaVantageClientTest {

    private static final String KEY = "K3Y-SECRET-42";
    private static final LocalDate FRI = LocalDate.parse("2025-10-31");

    private final FakeClock clock = new FakeClock(Instant.parse("2025-11-03T15:00:00Z"));
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
    void requestCarriesTheQueryParameters() throws InterruptedException {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI)).ok("BRK.B", AlphaVantageBodies.daily("BRK.B", FRI));
        AlphaVantageClient client = client(server.baseUrl() + "/", Duration.ofSeconds(5));

        client.fetchDaily("AAPL", OutputSize.COMPACT);
        client.fetchDaily("BRK.B", OutputSize.FULL);

        assertEquals(Map.of("function", "TIME_SERIES_DAILY", "symbol", "AAPL", "outputsize", "compact", "apikey", KEY),
                server.requests.get(0).query());
        assertEquals(Map.of("function", "TIME_SERIES_DAILY", "symbol", "BRK.B", "outputsize", "full", "apikey", KEY),
                server.requests.get(1).query());
    }

    @Test
    void readsBothKeyNamingsOverHttp() throws InterruptedException {
        server.ok("AAPL", AlphaVantageBodies.daily("AAPL", FRI, FRI.minusDays(1)));
        server.ok("MSFT", AlphaVantageBodies.aiTrader("MSFT", FRI));
        AlphaVantageClient client = client(server.baseUrl(), Duration.ofSeconds(5));

        SymbolDownload aapl = client.fetchDaily("AAPL", OutputSize.COMPACT);
        SymbolDownload msft = client.fetchDaily("MSFT", OutputSize.COMPACT);

        assertEquals(Status.OK, aapl.status());
        assertEquals(2, aapl.bars().size());
        assertEquals(Status.OK, msft.status());
        assertEquals(FRI, msft.bars().get(0).date());
        assertEquals(AlphaVantageBodies.open(0), msft.bars().get(0).open().toPlainString());
        assertTrue(msft.bars().get(0).hasClose());
        assertEquals(1, msft.attempts());
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws InterruptedException {
        server.on("AAPL", new Reply(503, "<html>Service Unavailable</html>", false),
                new Reply(200, AlphaVantageBodies.daily("AAPL", FRI), false));

        SymbolDownload result = client(server.baseUrl(), Duration.ofSeconds(5)).fetchDaily("AAPL", OutputSize.COMPACT);

        assertEquals(Status.OK, result.status());
        assertEquals(2, result.attempts());
        assertEquals(2, server.requests.size());
        assertEquals(List.of(Duration.ofSeconds(1)), clock.sleeps);
    }

    @Test
    void serverErrorsPastTheRetriesFailTheSymbol() throws InterruptedException {
        server.on("AAPL", new Reply(500, "{}", false));

        SymbolDownload result = client(server.baseUrl(), Duration.ofSeconds(5)).fetchDaily("AAPL", OutputSize.COMPACT);

        assertEquals(Status.SYMBOL_FAILED, result.status());
        assertTrue(result.reason().contains("4 attempts") && result.reason().contains("HTTP 500"), result.reason());
        assertEquals(4, server.requests.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), clock.sleeps);
    }

    @Test
    void timeoutIsRetried() throws InterruptedException {
        server.on("AAPL", new Reply(200, "{}", true), new Reply(200, AlphaVantageBodies.daily("AAPL", FRI), false));

        SymbolDownload result = client(server.baseUrl(), Duration.ofMillis(300)).fetchDaily("AAPL", OutputSize.COMPACT);

        assertEquals(Status.OK, result.status());
        assertEquals(2, result.attempts());
        assertEquals(2, server.requests.size());
    }

    @Test
    void tooManyRequestsIsARateLimit() throws InterruptedException {
        server.on("AAPL", new Reply(429, "{}", false));

        SymbolDownload result = client(server.baseUrl(), Duration.ofSeconds(5)).fetchDaily("AAPL", OutputSize.COMPACT);

        assertEquals(Status.RATE_LIMITED, result.status());
        assertEquals(1, server.requests.size());
    }

    @Test
    void theKeyNeverAppearsInLogsOrReasons() throws IOException, InterruptedException {
        server.on("AAPL", new Reply(502, "bad gateway for apikey=" + KEY, false),
                new Reply(200, "{\"Error Message\": \"Invalid API call for apikey=" + KEY + " and key " + KEY + "\"}",
                        false));
        server.ok("MSFT", AlphaVantageBodies.INFORMATION.replace("SECRET", KEY));
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("io.aitrader.prices");
        Level previous = logger.getLevel();
        Handler handler = capture(logged);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        List<SymbolDownload> results;
        try {
            AlphaVantageClient client = client(server.baseUrl(), Duration.ofSeconds(5));
            results = List.of(client.fetchDaily("AAPL", OutputSize.COMPACT),
                    client.fetchDaily("MSFT", OutputSize.COMPACT),
                    client(closedPortUrl(), Duration.ofSeconds(5)).fetchDaily("NVDA", OutputSize.FULL));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        assertEquals(List.of(Status.SYMBOL_FAILED, Status.RATE_LIMITED, Status.SYMBOL_FAILED),
                results.stream().map(SymbolDownload::status).toList());
        assertTrue(results.get(0).reason().contains("apikey=***"), results.get(0).reason());
        assertTrue(results.get(2).reason().contains("could not connect"), results.get(2).reason());
        results.forEach(r -> assertFalse(r.toString().contains(KEY), r.toString()));
        assertTrue(logged.stream().anyMatch(line -> line.contains("/query?function=TIME_SERIES_DAILY")
                && line.contains("apikey=***")), "the redacted request URL is logged: " + logged);
        logged.forEach(line -> assertFalse(line.contains(KEY), line));
    }

    private AlphaVantageClient client(String baseUrl, Duration timeout) {
        var settings = new AlphaVantageBodies.Settings(Optional.of(KEY), 5, baseUrl);
        var retry = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        var http = new PriceHttp(new SharedHttpClient().client(), new RequestBudget(100, clock, clock.pause()),
                timeout, retry, clock.pause());
        return new AlphaVantageClient(settings, http, clock);
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** Keeps each record's message, parameters and exception text, whatever formatter the log manager uses. */
    private static Handler capture(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] params = record.getParameters();
                lines.add(record.getMessage() + " " + (params == null ? "" : Arrays.toString(params))
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
