package io.aitrader.prices;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Helpers for tests that own the price table: the SQLite file is shared by every test class. */
final class PriceTestData {

    private PriceTestData() {
    }

    static void clearPrices(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM price_data");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One AI-Trader JSONL line: a symbol with full days (open, high, low, close, volume) at the given opens. */
    static String line(String symbol, String info, String... dateAndOpen) {
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < dateAndOpen.length; i += 2) {
            String open = dateAndOpen[i + 1];
            days.append(i == 0 ? "" : ", ").append('"').append(dateAndOpen[i]).append("\": {\"1. buy price\": \"")
                    .append(open).append("\", \"2. high\": \"").append(open).append("\", \"3. low\": \"")
                    .append(open).append("\", \"4. sell price\": \"").append(open)
                    .append("\", \"5. volume\": \"1000\"}");
        }
        return "{\"Meta Data\": {\"1. Information\": \"" + info + "\", \"2. Symbol\": \"" + symbol
                + "\"}, \"Time Series (Daily)\": {" + days + "}}\n";
    }
}
