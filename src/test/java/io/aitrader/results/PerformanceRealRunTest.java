package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.platform.database.Storage;
import io.aitrader.prices.SamplePrices;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /performance over a real 2025 run, checked against a recomputation written independently of Metrics. */
@QuarkusTest
class PerformanceRealRunTest {

    static final List<String> MODELS = List.of("perf-mock-a", "perf-mock-b", "perf-hold-qqq", "perf-equal");
    static final String START = "2025-09-02";
    static final String END = "2025-10-13";
    static final double RISK_FREE = 3.0;
    private static boolean ran;

    @Inject
    @Storage
    DataSource dataSource;

    @BeforeEach
    void runOnce() throws Exception {
        if (ran) {
            return;
        }
        PerformanceTestSupport.importRealPrices();
        Jobs.awaitIdle();
        String jobId = Jobs.start(Map.of("config_path", "configs/perf_real.json", "start_date",
                START, "end_date", END, "replace_existing", true));
        JsonPath status = Jobs.awaitEnd(jobId);
        assertEquals("completed", status.getString("status"), status::prettify);
        assertEquals(120, status.getInt("progress.completed"), "4 models × 30 trading days");
        ran = true;
    }

    private JsonPath performance(String... extra) {
        var request = given().config(PerformanceTestSupport.DOUBLES).queryParam("start_date", START)
                .queryParam("end_date", END).queryParam("risk_free_rate",
                        RISK_FREE);
        for (int i = 0; i < extra.length; i += 2) {
            request = request.queryParam(extra[i], extra[i + 1]);
        }
        return request.when().get("/performance").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyMetricMatchesAnIndependentRecomputationFromTheLedger() throws Exception {
        JsonPath answer = performance();
        assertEquals(START, answer.getString("start_date"));
        assertEquals(END, answer.getString("end_date"));
        double benchmarkReturn = answer.getDouble("benchmark.metrics.period_return_pct");
        for (String model : MODELS) {
            List<double[]> ledger = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            readLedger(model, dates, ledger);
            assertEquals(30, dates.size(), model);
            Map<String, Object> metrics = answer.getMap("models.find { it.model == '" + model + "' }.metrics");
            assertNotNull(metrics, model + " is in the answer");

            double v0 = ledger.get(0)[1];
            double[] v = ledger.stream().mapToDouble(row -> row[0]).toArray();
            double end = v[v.length - 1];
            long calendar = ChronoUnit.DAYS.between(dates.get(0), dates.get(dates.size() - 1)) + 1;
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = v[i] / (i == 0 ? v0 : v[i - 1]) - 1;
            }
            double mean = Arrays.stream(r).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum() / (r.length - 1));
            double worst = 0; // brute force: every later value against every earlier one (V0 included)
            for (int j = 0; j < v.length; j++) {
                for (int i = -1; i < j; i++) {
                    worst = Math.min(worst, v[j] / (i < 0 ? v0 : v[i]) - 1);
                }
            }
            double periodReturn = (end / v0 - 1) * 100;

            assertClose(v0, metrics.get("starting_portfolio_value"), 0.006, model);
            assertClose(end, metrics.get("ending_portfolio_value"), 0.006, model);
            assertClose(periodReturn, metrics.get("period_return_pct"), 1.5e-4, model);
            assertClose((Math.pow(end / v0, 365.0 / calendar) - 1) * 100, metrics.get("annualized_return_pct"), 1.5e-4,
                    model);
            assertClose(sd * Math.sqrt(252) * 100, metrics.get("volatility_pct"), 1.5e-4, model);
            if (sd > 0) {
                assertClose((mean - RISK_FREE / 100 / 252) / sd * Math.sqrt(252), metrics.get("sharpe_ratio"), 1.5e-4,
                        model);
            }
            assertClose(worst * 100, metrics.get("max_drawdown_pct"), 1.5e-4, model);
            assertClose(periodReturn - benchmarkReturn, metrics.get("excess_return_pct"), 3e-4, model);
            assertEquals(30, metrics.get("trading_days"), model);
            assertEquals((int) calendar, metrics.get("calendar_days"), model);
            assertEquals(countTrades(model), metrics.get("total_trades"), model);

            List<Double> api = answer.getList("models.find { it.model == '" + model
                    + "' }.daily_portfolio_values.portfolio_value", Double.class);
            assertEquals(30, api.size(), model);
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], api.get(i), 0.006, model + " on " + dates.get(i));
            }
        }
        assertTrue(answer.getInt("models.find { it.model == 'perf-mock-a' }.metrics.total_trades") > 0,
                "the mock trades");
    }

    @Test
    void modelsAreRankedByPeriodReturn() {
        JsonPath answer = performance();
        List<Integer> ranks = answer.getList("models.rank", Integer.class);
        List<Double> returns = answer.getList("models.metrics.period_return_pct", Double.class);
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i));
            if (i > 0) {
                assertTrue(returns.get(i - 1) >= returns.get(i), "ranked best first: " + returns);
            }
        }
        JsonPath one = performance("model", "perf-equal");
        assertEquals(List.of("perf-equal"), one.getList("models.model"));
        assertEquals(1, one.getInt("models[0].rank"));
    }

    @Test
    void theBenchmarkIsTheSymbolsOwnPricePathScaledToTheInitialCash() throws Exception {
        TreeMap<LocalDate, double[]> qqq = qqqFromTheFile();
        JsonPath answer = performance();
        assertEquals("QQQ", answer.getString("benchmark.symbol"));
        BigDecimal open = BigDecimal.valueOf(qqq.get(LocalDate.parse(START))[0]);
        long shares = new BigDecimal("10000").divide(open, 0, RoundingMode.FLOOR).longValueExact();
        double cash = 10000 - shares * open.doubleValue();
        assertEquals(shares, answer.getLong("benchmark.shares"));
        assertEquals(open.doubleValue(), answer.getDouble("benchmark.buy_price"), 1e-9);
        assertEquals(START, answer.getString("benchmark.buy_date"));

        List<String> dates = answer.getList("benchmark.daily_portfolio_values.date");
        List<Double> values = answer.getList("benchmark.daily_portfolio_values.portfolio_value", Double.class);
        assertEquals(30, dates.size());
        for (int i = 0; i < dates.size(); i++) {
            double close = qqq.get(LocalDate.parse(dates.get(i)))[1];
            assertEquals(cash + shares * close, values.get(i), 0.006, dates.get(i));
            // The path of the symbol itself, scaled to the initial cash: off by less than one share's price.
            assertTrue(Math.abs(10000 * close / open.doubleValue() - values.get(i)) < open.doubleValue(),
                    dates.get(i));
        }
        double last = qqq.get(LocalDate.parse(END))[1];
        assertClose(((cash + shares * last) / 10000 - 1) * 100, answer.get("benchmark.metrics.period_return_pct"),
                1.5e-4, "QQQ");

        // The engine's own buy-and-hold baseline of QQQ, run from the same cash, lands on the same values.
        List<Double> baseline = answer.getList("models.find { it.model == 'perf-hold-qqq' }.daily_portfolio_values"
                + ".portfolio_value", Double.class);
        assertEquals(values, baseline);
    }

    @Test
    void staleDaysAreFlagged() {
        Jobs.awaitIdle();
        String jobId = Jobs.start(Map.of("config_path", "configs/perf_real.json", "start_date",
                "2025-10-01", "end_date", "2025-10-01", "models", List.of("perf-mock-b"), "replace_existing", true));
        assertEquals("completed", Jobs.awaitEnd(jobId).getString("status"));
        JsonPath answer = performance("model", "perf-mock-b");
        assertEquals(8, answer.getInt("models[0].metrics.stale_days"), "10-02 … 10-13 chained from the old 10-01");
        List<Map<String, Object>> daily = answer.getList("models[0].daily_portfolio_values");
        for (Map<String, Object> day : daily) {
            boolean later = LocalDate.parse((String) day.get("date")).isAfter(LocalDate.of(2025, 10, 1));
            assertEquals(later ? Boolean.TRUE : null, day.get("stale"), String.valueOf(day));
        }
        assertTrue(answer.getList("warnings", String.class).stream().anyMatch(w -> w.contains("perf-mock-b")
                && w.contains("stale")));
        assertFalse(performance("model", "perf-mock-a").getInt("models[0].metrics.stale_days") > 0);
        assertNull(performance("model", "perf-mock-a").get("models[0].daily_portfolio_values[0].stale"));
    }

    private void readLedger(String model, List<LocalDate> dates, List<double[]> rows) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT date, ending_value, previous_value FROM trading_days
                WHERE model = ? AND date >= ? AND date <= ? ORDER BY date""")) {
            ps.setString(1, model);
            ps.setString(2, START);
            ps.setString(3, END);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(LocalDate.parse(rs.getString(1)));
                    rows.add(new double[]{rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
    }

    private int countTrades(String model) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT COUNT(*) FROM actions a JOIN trading_days t ON t.id = a.trading_day_id
                WHERE t.model = ? AND t.date >= ? AND t.date <= ?""")) {
            ps.setString(1, model);
            ps.setString(2, START);
            ps.setString(3, END);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** QQQ's open and close by date, read straight from the Alpha Vantage file. */
    private static TreeMap<LocalDate, double[]> qqqFromTheFile() throws Exception {
        JsonNode series = new ObjectMapper().readTree(SamplePrices.content(PerformanceTestSupport.QQQ_FILE))
                .get("Time Series (Daily)");
        TreeMap<LocalDate, double[]> prices = new TreeMap<>();
        series.fields().forEachRemaining(e -> prices.put(LocalDate.parse(e.getKey()),
                new double[]{e.getValue().get("1. open").asDouble(), e.getValue().get("4. close").asDouble()}));
        return prices;
    }

    private static void assertClose(double expected, Object actual, double tolerance, String what) {
        assertNotNull(actual, what);
        assertEquals(expected, ((Number) actual).doubleValue(), tolerance, what);
    }
}
