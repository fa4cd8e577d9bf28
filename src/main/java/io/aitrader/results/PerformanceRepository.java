package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.CostSum;
import io.aitrader.cost.Tokens;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * Reads what GET /performance needs: the daily values of every model of a period in one query, and each model's sums
 * (trades, trading costs, usage) in another, added up in SQL.
 */
@ApplicationScoped
public class PerformanceRepository {

    static final String LATEST_DATE = "SELECT MAX(date) FROM trading_days";
    static final String LATEST_DATE_OF_MODEL = "SELECT MAX(date) FROM trading_days WHERE model = ?";
    // Per day only what the series needs: every column costs a JNI call per row through the SQLite driver, which
    // dominated this query once usage and trading costs were kept per day; their sums come from TOTALS, per model.
    static final String SELECT_VALUES = """
            SELECT t.model, t.date, t.ending_value, t.previous_value, t.stale
            FROM trading_days t
            WHERE t.date BETWEEN ? AND ?
            """;
    static final String ORDER = " ORDER BY t.model, t.date";
    static final String SELECT_TOTALS = """
            SELECT t.model, COUNT(*), SUM((SELECT COUNT(*) FROM actions a WHERE a.trading_day_id = t.id)),
                   SUM(t.commission), SUM(t.slippage), SUM(t.borrow_fee), SUM(t.traded_value),
                   SUM(COALESCE(t.input_tokens, 0)), SUM(COALESCE(t.cached_input_tokens, 0)),
                   SUM(COALESCE(t.cache_write_tokens, 0)), SUM(COALESCE(t.output_tokens, 0)), SUM(t.cost_usd),
                   SUM(CASE WHEN t.llm_calls > 0 AND t.cost_usd IS NULL THEN 1 ELSE 0 END)
            FROM trading_days t
            WHERE t.date BETWEEN ? AND ?
            """;
    static final String GROUP = " GROUP BY t.model";

    /** One stored model-day as the value series needs it. */
    public record DayValue(String model, LocalDate date, double endingValue, double previousValue, boolean stale) {
    }

    /**
     * A model's sums over the period: its days, trades, trading costs (contract 10) and traded value, and its model
     * calls' tokens and cost ({@code costUsd} null when some day with calls has no known cost, as {@link CostSum}).
     */
    public record ModelTotals(int days, int trades, double commission, double slippage, double borrowFee,
            double tradedValue, Tokens tokens, BigDecimal costUsd) {
    }

    private final DataSource dataSource;

    PerformanceRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest trading day with a stored result, of one model or of any. */
    public Optional<LocalDate> findLatestDate(String model) {
        Object[] params = model == null ? new Object[0] : new Object[]{model};
        return Jdbc.find(dataSource, "Could not read the latest trading day",
                model == null ? LATEST_DATE : LATEST_DATE_OF_MODEL, rs -> rs.getString(1), params)
                .map(LocalDate::parse);
    }

    /** Every stored day from {@code from} to {@code to}, of one model or of all, ordered by model then date. */
    public List<DayValue> listValues(LocalDate from, LocalDate to, String model) {
        // Every model repeats the same dates: parsing each text once saves most of the row-mapping time.
        Map<String, LocalDate> dates = new HashMap<>();
        return Jdbc.list(dataSource, "Could not read performance values",
                SELECT_VALUES + (model == null ? "" : " AND t.model = ?") + ORDER,
                rs -> new DayValue(rs.getString(1), dates.computeIfAbsent(rs.getString(2), LocalDate::parse),
                        rs.getDouble(3), rs.getDouble(4), rs.getInt(5) == 1),
                params(from, to, model));
    }

    /** The sums of each model's days from {@code from} to {@code to}, of one model or of all. */
    public Map<String, ModelTotals> listTotals(LocalDate from, LocalDate to, String model) {
        Map<String, ModelTotals> totals = new HashMap<>();
        Jdbc.forEach(dataSource, "Could not read performance totals",
                SELECT_TOTALS + (model == null ? "" : " AND t.model = ?") + GROUP,
                rs -> {
                    double cost = rs.getDouble(12);
                    boolean unknown = rs.getInt(13) > 0;
                    totals.put(rs.getString(1), new ModelTotals(rs.getInt(2), rs.getInt(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                            new Tokens(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                            unknown ? null : BigDecimal.valueOf(cost)));
                },
                params(from, to, model));
        return totals;
    }

    private static Object[] params(LocalDate from, LocalDate to, String model) {
        return model == null
                ? new Object[]{from.toString(), to.toString()}
                : new Object[]{from.toString(), to.toString(), model};
    }
}
