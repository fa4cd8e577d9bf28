package io.aitrader.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.StoredCost;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.trading.Quantity;

/** Read-only queries over the committed ledger (trading_days and its children). */
@ApplicationScoped
public class ResultsRepository {

    static final String SELECT_DAYS = """
            SELECT id, job_id, model, date, cash, starting_value, ending_value, profit, return_pct, total_steps,
                   stop_signal, summary, stale, borrow_fee, commission, slippage, knowledge_cutoff, market, %s
            FROM trading_days
            WHERE date = ? AND (CAST(? AS TEXT) IS NULL OR model = ?) AND (CAST(? AS TEXT) IS NULL OR job_id = ?)
            ORDER BY model
            """.formatted(StoredCost.COLUMNS);
    private static final int FIRST_COST_COLUMN = 19;
    static final String SELECT_HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ? ORDER BY symbol";
    static final String SELECT_ACTIONS = """
            SELECT id, action, symbol, amount, price, total, fill_price, commission, slippage, reason
            FROM actions WHERE trading_day_id = ? ORDER BY seq
            """;
    static final String SELECT_TOOL_USAGE = """
            SELECT tool_name, calls FROM tool_usage WHERE trading_day_id = ? ORDER BY tool_name
            """;

    private static final String FAILURE = "Could not read results";

    private final DataSource dataSource;

    ResultsRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored days of {@code date}, of one model and one job or of any (null), by model. */
    public List<ResultRow> listByDate(LocalDate date, String model, String jobId) {
        return Jdbc.list(dataSource, FAILURE, SELECT_DAYS,
                rs -> new ResultRow(rs.getLong("id"), rs.getString("job_id"), rs.getString("model"),
                        LocalDate.parse(rs.getString("date")), decimal(rs, "cash"), decimal(rs, "starting_value"),
                        decimal(rs, "ending_value"), decimal(rs, "profit"), decimal(rs, "return_pct"),
                        rs.getInt("total_steps"), rs.getInt("stop_signal") == 1, rs.getString("summary"),
                        rs.getInt("stale") == 1, new ResultRow.Costs(decimal(rs, "commission"),
                                decimal(rs, "slippage"), decimal(rs, "borrow_fee")),
                        rs.getString("knowledge_cutoff"), rs.getString("market"),
                        StoredCost.read(rs, FIRST_COST_COLUMN)),
                date.toString(), model, model, jobId, jobId);
    }

    public Map<String, BigDecimal> listHoldings(long dayId) {
        Map<String, BigDecimal> holdings = new LinkedHashMap<>();
        Jdbc.forEach(dataSource, FAILURE, SELECT_HOLDINGS,
                rs -> holdings.put(rs.getString(1), Quantity.stored(rs.getDouble(2))), dayId);
        return holdings;
    }

    public List<TradeView> listTrades(long dayId) {
        return Jdbc.list(dataSource, FAILURE, SELECT_ACTIONS, rs -> new TradeView(rs.getLong("id"),
                rs.getString("action"), rs.getString("symbol"), Quantity.stored(rs.getDouble("amount")),
                decimal(rs, "price"),
                decimal(rs, "total"), decimal(rs, "fill_price"), decimal(rs, "commission"), decimal(rs, "slippage"),
                rs.getString("reason")), dayId);
    }

    public Map<String, Integer> listToolUsage(long dayId) {
        Map<String, Integer> usage = new LinkedHashMap<>();
        Jdbc.forEach(dataSource, FAILURE, SELECT_TOOL_USAGE, rs -> usage.put(rs.getString(1), rs.getInt(2)), dayId);
        return usage;
    }

    /** Stored values have at most 4 decimals (4-decimal prices times whole shares). */
    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return BigDecimal.valueOf(rs.getDouble(column)).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
