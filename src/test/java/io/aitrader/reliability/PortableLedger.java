package io.aitrader.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed ledger read the same way from SQLite or PostgreSQL: one line per model-day without ids, times or job
 * ids (cash, values, holdings, trades, tool calls and a digest of the conversation), numbers written alike whatever
 * the column type, so a run on several instances can be compared with a single-instance run on the other database.
 */
public final class PortableLedger {

    private PortableLedger() {
    }

    public static List<String> lines(Connection conn) throws SQLException {
        Map<Long, String> holdings = grouped(conn,
                "SELECT trading_day_id, symbol, shares FROM holdings ORDER BY trading_day_id, symbol", "=", ";");
        Map<Long, String> actions = grouped(conn, """
                SELECT trading_day_id, seq, action, amount, symbol, price, total FROM actions
                ORDER BY trading_day_id, seq""", " ", ";");
        Map<Long, String> tools = grouped(conn,
                "SELECT trading_day_id, tool_name, calls FROM tool_usage ORDER BY trading_day_id, tool_name", "=",
                ";");
        Map<Long, String> messages = grouped(conn, """
                SELECT trading_day_id, seq, role, content, tool_name, tool_arguments, tool_result FROM reasoning_logs
                ORDER BY trading_day_id, seq""", "|", "\n");
        List<String> lines = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT id, model, date, cash, starting_value, ending_value, previous_value, profit, return_pct,
                       total_steps, stop_signal, summary, warnings, stale
                FROM trading_days ORDER BY model, date""")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                StringBuilder line = new StringBuilder();
                for (int i = 2; i <= 14; i++) {
                    line.append(text(rs.getObject(i))).append(" | ");
                }
                line.append(holdings.getOrDefault(id, "")).append(" | ").append(actions.getOrDefault(id, ""))
                        .append(" | ").append(tools.getOrDefault(id, "")).append(" | ")
                        .append(LedgerDump.sha256(messages.getOrDefault(id, "")));
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static Map<Long, String> grouped(Connection conn, String sql, String fieldSeparator,
            String rowSeparator) throws SQLException {
        Map<Long, String> grouped = new HashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 2; i <= columns; i++) {
                    row.append(i > 2 ? fieldSeparator : "").append(text(rs.getObject(i)));
                }
                grouped.merge(rs.getLong(1), row.toString(), (a, b) -> a + rowSeparator + b);
            }
        }
        return grouped;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
