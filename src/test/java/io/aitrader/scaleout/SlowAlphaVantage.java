package io.aitrader.scaleout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A slow local stand-in for Alpha Vantage's {@code TIME_SERIES_DAILY} (its real JSON shape): every symbol gets daily
 * rows for February and March 2025, each answer after {@code delayMillis}, so a job's preparation takes long enough
 * to kill the instance doing it.
 */
final class SlowAlphaVantage implements AutoCloseable {

    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 2, 17));

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final long delayMillis;
    private final AtomicInteger requests = new AtomicInteger();

    SlowAlphaVantage(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/query", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        String symbol = query.replaceAll(".*symbol=([^&]+).*", "$1");
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = daily(symbol).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String daily(String symbol) {
        StringJoiner rows = new StringJoiner(",");
        double base = 50 + Math.floorMod(symbol.hashCode(), 200);
        int index = 0;
        for (LocalDate d = LocalDate.of(2025, 3, 31); !d.isBefore(LocalDate.of(2025, 2, 3)); d = d.minusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || HOLIDAYS.contains(d)) {
                continue;
            }
            double open = base + (index % 7) * 0.37;
            rows.add("\"%s\":{\"1. open\":\"%.4f\",\"2. high\":\"%.4f\",\"3. low\":\"%.4f\",\"4. close\":\"%.4f\","
                    .formatted(d, open, open + 1, open - 1, open + 0.25) + "\"5. volume\":\"" + (1_000_000 + index)
                    + "\"}");
            index++;
        }
        return "{\"Meta Data\":{\"1. Information\":\"Daily Prices (open, high, low, close) and Volumes\","
                + "\"2. Symbol\":\"" + symbol + "\",\"3. Last Refreshed\":\"2025-03-31\","
                + "\"4. Output Size\":\"Full size\",\"5. Time Zone\":\"US/Eastern\"},"
                + "\"Time Series (Daily)\":{" + rows + "}}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
