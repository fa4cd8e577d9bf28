package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /performance answers a repeated request from its cache (PerformanceCache) and never from a stale entry: every
 * kind of change to what a report is computed from shows in the next answer. June 2018: no other test writes there.
 */
@QuarkusTest
class PerformanceCacheTest {

    static final List<LocalDate> WEEK = List.of(LocalDate.of(2018, 6, 4), LocalDate.of(2018, 6, 5),
            LocalDate.of(2018, 6, 6), LocalDate.of(2018, 6, 7), LocalDate.of(2018, 6, 8));
    static final LocalDate NEXT_MONDAY = LocalDate.of(2018, 6, 11);

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aRepeatedRequestGetsTheSameBytesAndEveryChangeShowsInTheNextAnswer() throws Exception {
        LedgerSeeder.seed(dataSource, "perf-cache-job", List.of("perf-cache-a", "perf-cache-b"), WEEK,
                new double[][]{{10100, 10200, 10300, 10400, 10500}, {9900, 9800, 9700, 9600, 9500}}, 10_000, 1, -1);
        for (int i = 0; i < WEEK.size(); i++) {
            bar(WEEK.get(i), 50 + i);
        }
        byte[] first = body();
        assertArrayEquals(first, body(), "the same request over the same data, the same answer");
        JsonPath answer = answer();
        assertEquals(5.0, answer.getDouble(model(answer, "perf-cache-a") + "metrics.period_return_pct"));
        assertEquals(10_800.0, answer.getDouble("benchmark.daily_portfolio_values[4].portfolio_value")); // 200 × 54

        // A row replaced by one with the same id, count, dates and trades, only another value (SQLite gives a new row
        // the highest id again when the highest was deleted).
        replaceKeepingId("perf-cache-a", WEEK.get(4), 10_600);
        JsonPath replaced = answer();
        assertEquals(6.0, replaced.getDouble(model(replaced, "perf-cache-a") + "metrics.period_return_pct"));

        LedgerSeeder.markStale(dataSource, "perf-cache-b", WEEK.get(3));
        JsonPath stale = answer();
        assertEquals(Boolean.TRUE, stale.get(model(stale, "perf-cache-b") + "daily_portfolio_values[3].stale"));
        assertNull(stale.get(model(stale, "perf-cache-b") + "daily_portfolio_values[2].stale"));
        assertEquals(2, stale.getInt(model(stale, "perf-cache-b") + "metrics.stale_days"));

        bar(WEEK.get(4), 60);
        assertEquals(12_000.0, answer().getDouble("benchmark.daily_portfolio_values[4].portfolio_value"));

        appendDay("perf-cache-a", NEXT_MONDAY, 10_700);
        JsonPath longer = answer();
        assertEquals(6, longer.getList(model(longer, "perf-cache-a") + "daily_portfolio_values").size());
        assertEquals(7.0, longer.getDouble(model(longer, "perf-cache-a") + "metrics.period_return_pct"));
        assertEquals(NEXT_MONDAY.toString(), longer.getString("end_date"));

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE job_id = 'perf-cache-job'")) {
            ps.executeUpdate(); // its days go with it (ON DELETE CASCADE)
        }
        given().queryParam("start_date", "2018-06-04").queryParam("end_date", "2018-06-15")
                .queryParam("benchmark", "PCACHE").when().get("/performance").then().statusCode(404);
    }

    private static byte[] body() {
        return given().queryParam("start_date", "2018-06-04").queryParam("end_date", "2018-06-15")
                .queryParam("benchmark", "PCACHE").when().get("/performance").then().statusCode(200).extract()
                .asByteArray();
    }

    private static JsonPath answer() {
        return given().config(PerformanceTestSupport.DOUBLES).queryParam("start_date", "2018-06-04")
                .queryParam("end_date", "2018-06-15").queryParam("benchmark", "PCACHE").when().get("/performance")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The path of a model's entry in the answer. */
    private static String model(JsonPath answer, String model) {
        List<String> names = answer.getList("models.model");
        return "models[" + names.indexOf(model) + "].";
    }

    private void bar(LocalDate date, double close) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO price_data (symbol, date, open, high, low, close, volume, source, imported_at)
                VALUES ('PCACHE', ?, 50, NULL, NULL, ?, NULL, 'file', ?)
                ON CONFLICT (symbol, date) DO UPDATE SET close = excluded.close""")) {
            ps.setString(1, date.toString());
            ps.setDouble(2, close);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    private void replaceKeepingId(String model, LocalDate date, double value) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            double previous;
            try (PreparedStatement ps = c
                    .prepareStatement("SELECT id, previous_value FROM trading_days WHERE model = ? AND date = ?")) {
                ps.setString(1, model);
                ps.setString(2, date.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                    previous = rs.getDouble(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trading_days WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            insertDay(c, id, model, date, previous, value);
            c.commit();
        }
    }

    private void appendDay(String model, LocalDate date, double value) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insertDay(c, null, model, date, 10_600, value);
        }
    }

    private static void insertDay(Connection c, Long id, String model, LocalDate date, double previous, double value)
            throws SQLException {
        // an explicit id only where it is an old one: PostgreSQL's identity would hand out a new explicit one again
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO trading_days (%sjob_id, model, date, cash, starting_value, ending_value, previous_value,
                                          profit, return_pct, total_steps, stop_signal, summary, created_at, trades)
                VALUES (%s'perf-cache-job', ?, ?, 0, ?, ?, ?, ?, 0, 1, 1, 'replaced', ?, 1)"""
                .formatted(id == null ? "" : "id, ", id == null ? "" : "?, "))) {
            int i = 1;
            if (id != null) {
                ps.setLong(i++, id);
            }
            ps.setString(i++, model);
            ps.setString(i++, date.toString());
            ps.setDouble(i++, previous);
            ps.setDouble(i++, value);
            ps.setDouble(i++, previous);
            ps.setDouble(i++, value - previous);
            ps.setString(i, Instant.now().toString());
            ps.executeUpdate();
        }
    }

}
