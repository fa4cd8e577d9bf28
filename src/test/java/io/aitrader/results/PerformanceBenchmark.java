package io.aitrader.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.platform.database.Storage;
import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Measures GET /performance for 20 models × 250 trading days (plus a 250-day benchmark) over HTTP. Skipped unless
 * asked for: {@code ./mvnw -B verify -Dtest=PerformanceBenchmark -Dbenchmark=true -DskipITs} (optionally
 * {@code -Dbenchmark.requests=500}). Prints p50, p95, p99 and max, and fails when p99 reaches
 * {@code -Dbenchmark.p99-limit-ms} (50). Other processes on the machine show up in the tail: run it on a quiet one.
 */
@QuarkusTest
class PerformanceBenchmark {

    static final int MODELS = 20;
    static final int DAYS = 250;
    static final String SYMBOL = "BENCHX";

    @TestHTTPResource("/performance")
    URI endpoint;

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void twentyModelsTimesTwoHundredFiftyDays() throws Exception {
        assumeTrue(Boolean.getBoolean("benchmark"), "benchmark skipped: run with -Dbenchmark=true");
        int requests = Integer.getInteger("benchmark.requests", 500);
        List<LocalDate> dates = weekdays(LocalDate.of(2023, 1, 2), DAYS);
        seed(dates);

        URI uri = URI.create(endpoint + "?start_date=" + dates.get(0) + "&end_date=" + dates.get(DAYS - 1)
                + "&benchmark=" + SYMBOL);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());
        JsonNode body = new ObjectMapper().readTree(first.body());
        assertEquals(MODELS, body.get("models").size());
        assertEquals(DAYS, body.get("models").get(0).get("daily_portfolio_values").size());
        assertEquals(DAYS, body.get("benchmark").get("daily_portfolio_values").size());
        for (int i = 0; i < 100; i++) { // warm-up: JIT, pool, SQLite page cache
            client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            assertEquals(200, response.statusCode());
        }
        Arrays.sort(nanos);
        double p50 = millis(nanos, 0.50);
        double p95 = millis(nanos, 0.95);
        double p99 = millis(nanos, 0.99);
        Log.infof("GET /performance, %d models x %d days (%d KB): %d requests, p50 %.2f ms, p95 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms", MODELS, DAYS, first.body().length() / 1024, requests, p50, p95, p99,
                nanos[requests - 1] / 1e6);
        double limit = Double.parseDouble(System.getProperty("benchmark.p99-limit-ms", "50"));
        assertTrue(p99 < limit, "p99 " + p99 + " ms must stay under " + limit + " ms");
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private void seed(List<LocalDate> dates) throws Exception {
        Random random = new Random(42);
        List<String> models = new ArrayList<>();
        double[][] values = new double[MODELS][DAYS];
        for (int m = 0; m < MODELS; m++) {
            models.add(String.format("bench-model-%02d", m));
            double value = 10_000;
            for (int d = 0; d < DAYS; d++) {
                value *= 1 + random.nextGaussian() * 0.012 + 0.0004;
                values[m][d] = Math.round(value * 100) / 100.0;
            }
        }
        long start = System.nanoTime();
        LedgerSeeder.seed(dataSource, "bench-job", models, dates, values, 10_000, 2, -1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO price_data (symbol, date, open, high, low, close, volume, source, imported_at)
                VALUES (?, ?, ?, NULL, NULL, ?, NULL, 'file', ?)
                ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, close = excluded.close,
                    source = excluded.source, imported_at = excluded.imported_at""")) {
            double price = 400;
            for (LocalDate date : dates) {
                double close = price * (1 + random.nextGaussian() * 0.01);
                ps.setString(1, SYMBOL);
                ps.setString(2, date.toString());
                ps.setDouble(3, Math.round(price * 100) / 100.0);
                ps.setDouble(4, Math.round(close * 100) / 100.0);
                ps.setString(5, Instant.now().toString());
                ps.addBatch();
                price = close;
            }
            ps.executeBatch();
        }
        Log.infof("Seeded %d models x %d days (2 trades a day) in %d ms", MODELS, DAYS,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static List<LocalDate> weekdays(LocalDate from, int count) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; dates.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        return dates;
    }
}
