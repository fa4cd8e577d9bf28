package io.aitrader.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes one model's books over its stored days from the recorded orders alone, independently of the engine:
 * each day must start from the previous stored day's end — its cash and holdings plus that day's orders give the
 * stored cash and holdings, and its previous value is the previous day's ending value. Works on SQLite and
 * PostgreSQL.
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /** What does not recompute, one line each; empty when the chain holds. */
    public static List<String> problems(Connection conn, String model, BigDecimal initialCash) throws SQLException {
        List<String> problems = new ArrayList<>();
        BigDecimal cash = initialCash;
        BigDecimal previousValue = initialCash;
        Map<String, Long> holdings = new TreeMap<>();
        for (Object[] day : rows(conn, "SELECT id, date, cash, ending_value, previous_value FROM trading_days "
                + "WHERE model = ? ORDER BY date", model)) {
            long id = ((Number) day[0]).longValue();
            String date = (String) day[1];
            if (cents(day[4]).compareTo(cents(previousValue)) != 0) {
                problems.add(String.format(Locale.ROOT, "%s: previous value %s, the day before ended at %s", date,
                        cents(day[4]), cents(previousValue)));
            }
            for (Object[] order : rows(conn, "SELECT action, symbol, amount, total FROM actions "
                    + "WHERE trading_day_id = ? ORDER BY seq", id)) {
                BigDecimal total = new BigDecimal(String.valueOf(order[3]));
                long amount = ((Number) order[2]).longValue();
                boolean buy = "buy".equals(order[0]);
                cash = buy ? cash.subtract(total) : cash.add(total);
                holdings.merge((String) order[1], buy ? amount : -amount, Long::sum);
            }
            holdings.values().removeIf(shares -> shares == 0);
            if (cents(day[2]).compareTo(cents(cash)) != 0) {
                problems.add(String.format(Locale.ROOT, "%s: cash %s, the orders give %s", date, cents(day[2]),
                        cents(cash)));
            }
            Map<String, Long> stored = new TreeMap<>();
            for (Object[] h : rows(conn, "SELECT symbol, shares FROM holdings WHERE trading_day_id = ?", id)) {
                stored.put((String) h[0], ((Number) h[1]).longValue());
            }
            if (!stored.equals(holdings)) {
                problems.add(date + ": holdings " + stored + ", the orders give " + holdings);
            }
            cash = new BigDecimal(String.valueOf(day[2])); // go on from what is stored, so one error shows once
            holdings = stored;
            previousValue = new BigDecimal(String.valueOf(day[3]));
        }
        return problems;
    }

    private static BigDecimal cents(Object value) {
        return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Object[]> rows(Connection conn, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
