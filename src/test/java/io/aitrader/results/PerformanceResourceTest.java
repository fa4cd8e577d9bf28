package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /performance over ledger rows seeded with hand-computed values (2019: no other test writes there). */
@QuarkusTest
class PerformanceResourceTest {

    static final LocalDate MON = LocalDate.of(2019, 3, 4);
    static final List<LocalDate> WEEK = List.of(MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(3));

    @Inject
    @Storage
    DataSource dataSource;

    @BeforeEach
    void seed() throws Exception {
        LedgerSeeder.seed(dataSource, "perf-hand-job", List.of("perf-hand-up", "perf-hand-flat", "perf-hand-down"),
                WEEK, new double[][]{{10100, 10200, 10150, 10300}, {10000, 10000, 10000, 10000},
                        {11000, 9900, 12100, 9680}},
                10_000, 2, -1);
        LedgerSeeder.markStale(dataSource, "perf-hand-flat", MON.plusDays(2));
        List<LocalDate> weekdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2019, 1, 2); !d.isAfter(LocalDate.of(2019, 4, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(d);
            }
        }
        double[][] rising = new double[1][weekdays.size()];
        for (int i = 0; i < weekdays.size(); i++) {
            rising[0][i] = 10_000 + 10 * (i + 1);
        }
        // A separate job id: the hand-computed week above must not include this model's rows.
        LedgerSeeder.seed(dataSource, "perf-long-job", List.of("perf-hand-long"), weekdays, rising, 10_000, 0, -1);
        deleteFromRange("perf-hand-long", WEEK.get(0), WEEK.get(3));
    }

    private JsonPath week(String... extra) {
        var request = given().config(PerformanceTestSupport.DOUBLES).queryParam("start_date", "2019-03-04")
                .queryParam("end_date", "2019-03-07");
        for (int i = 0; i < extra.length; i += 2) {
            request = request.queryParam(extra[i], extra[i + 1]);
        }
        return request.when().get("/performance").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void handComputedMetricsRankedByReturn() {
        JsonPath answer = week();
        assertEquals(List.of("perf-hand-up", "perf-hand-flat", "perf-hand-down"), answer.getList("models.model"));
        assertEquals(List.of(1, 2, 3), answer.getList("models.rank"));
        assertEquals("2019-03-04", answer.getString("start_date"));
        assertEquals("2019-03-07", answer.getString("end_date"));

        // 10000 → 11000, 9900, 12100, 9680: see MetricsTest for the arithmetic.
        Map<String, Object> down = answer.getMap("models[2].metrics");
        assertEquals(10000.0, down.get("starting_portfolio_value"));
        assertEquals(9680.0, down.get("ending_portfolio_value"));
        assertEquals(-3.2, down.get("period_return_pct"));
        assertEquals(-94.8581, down.get("annualized_return_pct"));
        assertEquals(302.9485, down.get("volatility_pct"));
        assertEquals(0.4621, down.get("sharpe_ratio"));
        assertEquals(-20.0, down.get("max_drawdown_pct"));
        assertEquals("2019-03-06", down.get("max_drawdown_peak_date"));
        assertEquals("2019-03-07", down.get("max_drawdown_trough_date"));
        assertEquals(4, down.get("trading_days"));
        assertEquals(4, down.get("calendar_days"));
        assertEquals(8, down.get("total_trades"));
        assertEquals(0, down.get("stale_days"));
        assertEquals(List.of(11000.0, 9900.0, 12100.0, 9680.0),
                answer.getList("models[2].daily_portfolio_values.portfolio_value"));
        assertEquals(0.7888, down.get("sortino_ratio"));
        assertEquals(-4.7429, down.get("calmar_ratio"));
        assertEquals(50.0, down.get("win_rate_pct"));
        List<Double> ci = answer.getList("models[2].metrics.ci95.period_return_pct", Double.class);
        assertTrue(ci.get(0) < -3.2 && -3.2 < ci.get(1), "the interval holds the observed return: " + ci);
        assertNull(down.get("p_value_vs_benchmark"), "no benchmark in 2019");

        Map<String, Object> flat = answer.getMap("models[1].metrics");
        assertEquals(0.0, flat.get("period_return_pct"));
        assertEquals(0.0, flat.get("volatility_pct"));
        assertNull(flat.get("sharpe_ratio"));
        assertEquals(0.0, flat.get("max_drawdown_pct"));
        assertNull(flat.get("max_drawdown_peak_date"));
        assertEquals(2, flat.get("stale_days"));
        assertEquals(Arrays.asList(null, null, true, true),
                answer.getList("models[1].daily_portfolio_values.stale"));

        assertEquals(3.0, answer.getDouble("models[0].metrics.period_return_pct"));
        // No QQQ prices in 2019: no benchmark, no excess return, and the answer says why.
        assertNull(answer.get("benchmark"));
        assertNull(answer.get("models[0].metrics.excess_return_pct"));
        assertTrue(answer.getList("warnings", String.class).stream().anyMatch(w -> w.contains("QQQ")));
        assertTrue(answer.getList("warnings", String.class).stream()
                .anyMatch(w -> w.contains("perf-hand-flat") && w.contains("stale")));
    }

    @Test
    void aChosenBenchmarkIsBoughtAtTheFirstOpenAndGivesTheExcessReturn() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO price_data (symbol, date, open, high, low, close, volume, source, imported_at)
                VALUES ('PERFB', ?, 50, NULL, NULL, ?, NULL, 'file', ?)
                ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, close = excluded.close,
                    source = excluded.source, imported_at = excluded.imported_at""")) {
            double[] closes = {51, 49, 52, 53};
            for (int i = 0; i < 4; i++) {
                ps.setString(1, WEEK.get(i).toString());
                ps.setDouble(2, closes[i]);
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
            }
        }
        JsonPath answer = week("benchmark", "perfb", "risk_free_rate", "2.52");
        assertEquals("PERFB", answer.getString("benchmark.symbol"));
        assertEquals(200, answer.getInt("benchmark.shares")); // 10000 / 50
        assertEquals(0.0, answer.getDouble("benchmark.cash"));
        assertEquals(List.of(10200.0, 9800.0, 10400.0, 10600.0),
                answer.getList("benchmark.daily_portfolio_values.portfolio_value"));
        assertEquals(6.0, answer.getDouble("benchmark.metrics.period_return_pct"));
        assertEquals(-3.0, answer.getDouble("models[0].metrics.excess_return_pct"));
        double p = answer.getDouble("models[0].metrics.p_value_vs_benchmark");
        assertTrue(p > 0 && p < 1, "p = " + p);
        assertEquals(p, week("benchmark", "perfb", "risk_free_rate", "2.52").getDouble(
                "models[0].metrics.p_value_vs_benchmark"), "the same request, the same p-value");
        assertNull(answer.get("benchmark.metrics.p_value_vs_benchmark"));
        assertEquals(2.52, answer.getDouble("risk_free_rate_pct"));
        assertEquals(10000.0, answer.getDouble("initial_cash"));
    }

    @Test
    void theBootstrapSeedMakesTheIntervalsRepeatable() {
        JsonPath first = given().config(PerformanceTestSupport.DOUBLES).queryParam("model", "perf-hand-long")
                .queryParam("start_date", "2019-01-02").queryParam("end_date", "2019-04-30")
                .queryParam("bootstrap_seed", "7").when().get("/performance").then().statusCode(200).extract()
                .jsonPath();
        JsonPath again = given().config(PerformanceTestSupport.DOUBLES).queryParam("model", "perf-hand-long")
                .queryParam("start_date", "2019-01-02").queryParam("end_date", "2019-04-30")
                .queryParam("bootstrap_seed", "7").when().get("/performance").then().statusCode(200).extract()
                .jsonPath();
        JsonPath other = given().config(PerformanceTestSupport.DOUBLES).queryParam("model", "perf-hand-long")
                .queryParam("start_date", "2019-01-02").queryParam("end_date", "2019-04-30").when()
                .get("/performance").then().statusCode(200).extract().jsonPath();
        String path = "models[0].metrics.ci95";
        assertEquals(first.getMap(path), again.getMap(path));
        assertTrue(!first.getMap(path).equals(other.getMap(path)), "seed 0 (the default) draws other resamples");
        List<Double> sharpe = first.getList(path + ".sharpe_ratio", Double.class);
        assertTrue(sharpe.get(0) < sharpe.get(1), sharpe::toString);
    }

    @Test
    void theDefaultPeriodIsTheLast30CalendarDaysOfTheData() {
        JsonPath all = given().queryParam("model", "perf-hand-long").when().get("/performance").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("2019-04-30", all.getString("end_date"));
        assertEquals("2019-04-01", all.getString("requested_start_date"));
        assertEquals("2019-04-01", all.getString("start_date"));
        assertEquals(22, all.getInt("models[0].metrics.trading_days"));
        assertEquals(30, all.getInt("models[0].metrics.calendar_days"));

        given().queryParam("model", "perf-hand-long").queryParam("start_date", "2019-04-20").when()
                .get("/performance").then().statusCode(200).body("end_date", equalTo("2019-04-30"))
                .body("start_date", equalTo("2019-04-22")); // trimmed to the first day with data
        given().queryParam("model", "perf-hand-long").queryParam("end_date", "2019-02-28").when()
                .get("/performance").then().statusCode(200).body("requested_start_date", equalTo("2019-01-30"))
                .body("models[0].daily_portfolio_values[0].date", equalTo("2019-01-30"));
    }

    @Test
    void badParametersAre400sAndNoDataIs404() {
        expect400(Map.of("start_date", "2025-13-01"), "invalid_date", "start_date");
        expect400(Map.of("end_date", "yesterday"), "invalid_date", "end_date");
        expect400(Map.of("start_date", "2025-02-30"), "invalid_date", "start_date");
        given().queryParam("start_date", "2025-10-10").queryParam("end_date", "2025-10-01").when().get("/performance")
                .then().statusCode(400).body("error", equalTo("invalid_date_range"));
        expect400(Map.of("risk_free_rate", "lots"), "invalid_parameter", "risk_free_rate");
        expect400(Map.of("risk_free_rate", "NaN"), "invalid_parameter", "risk_free_rate");
        expect400(Map.of("risk_free_rate", "250"), "invalid_parameter", "risk_free_rate");
        expect400(Map.of("benchmark", "<script>"), "invalid_parameter", "benchmark");
        expect400(Map.of("model", "m".repeat(300)), "invalid_parameter", "model");
        expect400(Map.of("bootstrap_seed", "1.5"), "invalid_parameter", "bootstrap_seed");
        expect400(Map.of("bootstrap_seed", "seven"), "invalid_parameter", "bootstrap_seed");

        given().queryParam("model", "perf-no-such-model").when().get("/performance").then().statusCode(404)
                .body("error", equalTo("no_data")).body("message", containsString("perf-no-such-model"));
        given().queryParam("start_date", "1990-01-01").queryParam("end_date", "1990-01-31").when()
                .get("/performance").then().statusCode(404).body("error", equalTo("no_data"));
        given().queryParam("model", "perf-hand-long").queryParam("start_date", "2019-05-01").when()
                .get("/performance").then().statusCode(404).body("error", equalTo("no_data"));
    }

    @Test
    void theOpenApiDescriptionStatesEveryFormula() {
        String description = given().when().get("/openapi.json").then().statusCode(200).extract()
                .path("paths.'/performance'.get.description");
        for (String formula : List.of("(Vₙ / V₀ − 1) · 100", "^(365 / calendar_days)", "√252",
                "risk_free_rate / 100 / 252", "max(V₀ … V_i)", "⌊initial_cash / open⌋", "sample standard deviation",
                "/ mean(V₁ … Vₙ) · 100", "|fill_price − open| · shares", "⌈n^(1/3)⌉", "Σ min(0, r_i − rf)²",
                "annualized_return_pct / |max_drawdown_pct|", "mean(e*) − mean(e) ≥ mean(e)")) {
            assertTrue(description.contains(formula), "the description states " + formula);
        }
        given().when().get("/openapi.json").then().body("paths.'/performance'.get.parameters.name",
                hasItem("risk_free_rate"));
    }

    private static void expect400(Map<String, String> params, String code, String field) {
        given().queryParams(params).when().get("/performance").then().statusCode(400).body("error", equalTo(code))
                .body("details.field", equalTo(field)).body("message", containsString(field));
    }

    private void deleteFromRange(String model, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM trading_days WHERE model = ? AND date BETWEEN ? AND ?")) {
            ps.setString(1, model);
            ps.setString(2, from.toString());
            ps.setString(3, to.toString());
            ps.executeUpdate();
        }
    }
}
