package io.aitrader.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.platform.database.Storage;

/** Read-only queries over the committed ledger (trading_days and its children). */
@ApplicationScoped
public class ResultsRepository {

    static final String SELECT_DAYS = """
            SELECT id, job_id, model, date, cash, starting_value, ending_value, profit, return_pct, total_steps,
                   stop_signal, summary, stale
            FROM trading_days
            WHERE date = ? AND (CAST(? AS TEXT) IS NULL OR model = ?) AND (CAST(? AS TEXT) IS NULL OR job_id = ?)
            ORDER BY model
            """;
    static final String SELECT_HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ? ORDER BY symbol";
    static final String SELECT_ACTIONS = """
            SELECT id, action, symbol, amount, price, total FROM actions WHERE trading_day_id = ? ORDER BY seq
            """;
    static final String SELECT_TOOL_USAGE = """
            SELECT tool_name, calls FROM tool_usage WHERE trading_day_id = ? ORDER BY tool_name
            """;

    private final DataSource dataSource;

    ResultsRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ResultRow> days(LocalDate date, String model, String jobId) {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(SELECT_DAYS)) {
            ps.setString(1, date.toString());
            ps.setString(2, model);
            ps.setString(3, model);
            ps.setString(4, jobId);
            ps.setString(5, jobId);
            List<ResultRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ResultRow(rs.getLong("id"), rs.getString("job_id"), rs.getString("model"),
                            LocalDate.parse(rs.getString("date")), decimal(rs, "cash"), decimal(rs, "starting_value"),
                            decimal(rs, "ending_value"), decimal(rs, "profit"), decimal(rs, "return_pct"),
                            rs.getInt("total_steps"), rs.getInt("stop_signal") == 1, rs.getString("summary"),
                            rs.getInt("stale") == 1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read results", e);
        }
    }

    public Map<String, Long> holdings(long dayId) {
        Map<String, Long> holdings = new LinkedHashMap<>();
        query(SELECT_HOLDINGS, dayId, rs -> holdings.put(rs.getString(1), rs.getLong(2)));
        return holdings;
    }

    public List<TradeView> trades(long dayId) {
        List<TradeView> trades = new ArrayList<>();
        query(SELECT_ACTIONS, dayId, rs -> trades.add(new TradeView(rs.getLong("id"), rs.getString("action"),
                rs.getString("symbol"), rs.getLong("amount"), decimal(rs, "price"), decimal(rs, "total"))));
        return trades;
    }

    public Map<String, Integer> toolUsage(long dayId) {
        Map<String, Integer> usage = new LinkedHashMap<>();
        query(SELECT_TOOL_USAGE, dayId, rs -> usage.put(rs.getString(1), rs.getInt(2)));
        return usage;
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, long dayId, RowConsumer consumer) {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, dayId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read results", e);
        }
    }

    /** Stored values have at most 4 decimals (4-decimal prices times whole shares). */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return BigDecimal.valueOf(rs.getDouble(column)).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
