package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two mock models and two baselines over 10 real 2025 trading days, split over two jobs; the test recomputes every
 * stored value from the recorded actions and the stored prices, independently of the engine's code.
 */
@QuarkusTest
class LedgerEndToEndTest {

    static final List<String> MODELS = List.of("ledger-mock-a", "ledger-mock-b", "ledger-bh", "ledger-eq");
    static final BigDecimal INITIAL_CASH = new BigDecimal("10000");

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void storedLedgerMatchesAnIndependentRecomputation() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        TestPrices.importRealFiles();
        clearModels();
        // Friday 2025-09-19 → Monday 2025-09-22 is also the boundary between the two jobs.
        runJob("2025-09-15", "2025-09-19");
        runJob("2025-09-22", "2025-09-26");

        for (String model : MODELS) {
            List<Map<String, Object>> days = rows("SELECT * FROM trading_days WHERE model = ? ORDER BY date", model);
            assertEquals(10, days.size(), model + " has one row per trading day");
            BigDecimal cash = INITIAL_CASH;
            BigDecimal previousValue = INITIAL_CASH;
            Map<String, Long> holdings = new TreeMap<>();
            int trades = 0;
            for (Map<String, Object> day : days) {
                String date = (String) day.get("date");
                for (Map<String, Object> action : rows("SELECT * FROM actions WHERE trading_day_id = ? ORDER BY seq",
                        day.get("id"))) {
                    String symbol = (String) action.get("symbol");
                    long amount = ((Number) action.get("amount")).longValue();
                    BigDecimal open = price(symbol, date, "open");
                    assertEquals(0, open.compareTo(decimal(action.get("price"))), "fills at the open");
                    BigDecimal total = open.multiply(BigDecimal.valueOf(amount));
                    assertEquals(0, total.compareTo(decimal(action.get("total"))));
                    boolean buy = "buy".equals(action.get("action"));
                    cash = buy ? cash.subtract(total) : cash.add(total);
                    holdings.merge(symbol, buy ? amount : -amount, Long::sum);
                    assertTrue(cash.signum() >= 0 && holdings.get(symbol) >= 0, "no overdraft, no short");
                    trades++;
                }
                holdings.values().removeIf(shares -> shares == 0);
                assertEquals(0, cash.compareTo(decimal(day.get("cash"))), model + " cash on " + date);
                Map<String, Long> stored = new TreeMap<>();
                rows("SELECT symbol, shares FROM holdings WHERE trading_day_id = ?", day.get("id"))
                        .forEach(h -> stored.put((String) h.get("symbol"), ((Number) h.get("shares")).longValue()));
                assertEquals(holdings, stored, model + " holdings on " + date);
                BigDecimal value = cash;
                for (Map.Entry<String, Long> h : holdings.entrySet()) {
                    value = value.add(price(h.getKey(), date, "close").multiply(BigDecimal.valueOf(h.getValue())));
                }
                assertEquals(0, value.setScale(4, RoundingMode.HALF_UP)
                        .compareTo(decimal(day.get("ending_value"))), model + " ending value on " + date);
                BigDecimal profit = value.subtract(previousValue);
                assertEquals(0, profit.setScale(4, RoundingMode.HALF_UP).compareTo(decimal(day.get("profit"))));
                BigDecimal pct = profit.multiply(BigDecimal.valueOf(100)).divide(previousValue, 6,
                        RoundingMode.HALF_UP);
                assertEquals(pct.doubleValue(), ((Number) day.get("return_pct")).doubleValue(), 1e-6);
                previousValue = value;
            }
            if (model.startsWith("ledger-mock")) {
                assertTrue(trades > 0, model + " traded");
                assertPromptCarriesFridayPositions(model, days);
            }
        }
    }

    /** The second job's first day (Monday) shows the model the positions the first job ended with (Friday). */
    private void assertPromptCarriesFridayPositions(String model, List<Map<String, Object>> days) throws SQLException {
        Map<String, Object> friday = days.get(4);
        Map<String, Object> monday = days.get(5);
        assertEquals("2025-09-22", monday.get("date"));
        String prompt = (String) rows("SELECT content FROM reasoning_logs WHERE trading_day_id = ? AND role = 'system'",
                monday.get("id")).get(0).get("content");
        BigDecimal fridayCash = decimal(friday.get("cash")).stripTrailingZeros();
        assertTrue(prompt.contains("\"CASH\":" + fridayCash.toPlainString()), prompt);
        for (Map<String, Object> h : rows("SELECT symbol, shares FROM holdings WHERE trading_day_id = ?",
                friday.get("id"))) {
            assertTrue(prompt.contains("\"" + h.get("symbol") + "\":" + h.get("shares")), prompt);
        }
    }

    private void runJob(String start, String end) {
        String jobId = trigger(Map.of("config_path", "configs/jobs_ledger.json", "start_date", start, "end_date", end,
                "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        assertEquals("completed", awaitEnd(jobId).getString("status"));
    }

    private void clearModels() throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("DELETE FROM trading_days WHERE model = ?")) {
            for (String model : MODELS) {
                ps.setString(1, model);
                ps.executeUpdate();
            }
        }
    }

    private BigDecimal price(String symbol, String date, String column) throws SQLException {
        List<Map<String, Object>> found = rows(
                "SELECT " + column + " AS p FROM price_data WHERE symbol = ? AND date = ?",
                symbol, date);
        return decimal(found.get(0).get("p"));
    }

    private static BigDecimal decimal(Object value) {
        return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(4, RoundingMode.HALF_UP);
    }

    private List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
