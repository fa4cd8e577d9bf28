package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.CostSum;
import io.aitrader.cost.Tokens;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/**
 * Reads what GET /performance needs: the daily values of every model of a period in one query, and each model's sums
 * (trades, trading costs, usage) in another, added up in SQL.
 */
@ApplicationScoped
public class PerformanceRepository {

    static final String LATEST_DATE = "SELECT MAX(date) FROM trading_days WHERE market = ?";
    static final String LATEST_DATE_OF_MODEL = "SELECT MAX(date) FROM trading_days WHERE market = ? AND model = ?";
    // One row per model, its days joined into one string: through the SQLite driver every column of every row is a
    // JNI call, which cost more than the query itself at 50 models × 250 days. Each day is "date value previous
    // stale"; both dialects write a double as text that reads back to the same double (values have 4 decimals).
    static final String SELECT_SERIES = """
            SELECT t.model, %s
            FROM trading_days t
            WHERE t.date BETWEEN ? AND ? AND t.market = ?
            """;
    /** The days of a group in date order, with the dialect's aggregate: group_concat (SQLite), string_agg. */
    static final String DAYS = "%s(t.date || ' ' || t.ending_value || ' ' || t.previous_value || ' ' || t.stale, ','"
            + " ORDER BY t.date)";
    static final String BY_MODEL = " GROUP BY t.model ORDER BY t.model";
    static final String SELECT_TOTALS = """
            SELECT t.model, COUNT(*), SUM(t.trades),
                   SUM(t.commission), SUM(t.slippage), SUM(t.borrow_fee), SUM(t.traded_value),
                   SUM(COALESCE(t.input_tokens, 0)), SUM(COALESCE(t.cached_input_tokens, 0)),
                   SUM(COALESCE(t.cache_write_tokens, 0)), SUM(COALESCE(t.output_tokens, 0)), SUM(t.cost_usd),
                   SUM(CASE WHEN t.llm_calls > 0 AND t.cost_usd IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN t.knowledge_cutoff IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN t.knowledge_cutoff <> 'none' AND t.date <= t.knowledge_cutoff THEN 1 ELSE 0 END)
            FROM trading_days t
            WHERE t.date BETWEEN ? AND ? AND t.market = ?
            """;
    static final String GROUP = " GROUP BY t.model";
    /** Out of sample (contract 11): only days after the model's knowledge cutoff, or of a model without training. */
    static final String OUT_OF_SAMPLE = " AND (t.knowledge_cutoff = 'none' OR t.date > t.knowledge_cutoff)";
    /** Raised by triggers on every write of a model's results (migration V11); their sum only grows. */
    static final String RESULTS_VERSION = "SELECT COALESCE(SUM(version), 0) FROM result_versions";
    static final String SELECT_UNDATED = """
            SELECT DISTINCT t.model FROM trading_days t
            WHERE t.date BETWEEN ? AND ? AND t.market = ? AND t.knowledge_cutoff IS NULL
            """;

    /** One stored model-day as the value series needs it. */
    public record DayValue(String model, LocalDate date, double endingValue, double previousValue, boolean stale) {
    }

    /**
     * A model's sums over the period: its days, trades, trading costs (contract 10) and traded value, and its model
     * calls' tokens and cost ({@code costUsd} null when some day with calls has no known cost, as {@link CostSum}).
     */
    public record ModelTotals(int days, int trades, double commission, double slippage, double borrowFee,
            double tradedValue, Tokens tokens, BigDecimal costUsd, Integer inTrainingWindowDays) {
    }

    private final DataSource dataSource;
    private final boolean postgres;

    PerformanceRepository(@Storage DataSource dataSource, Database database) {
        this.dataSource = dataSource;
        this.postgres = database.postgres();
    }

    /** The latest trading day with a stored result in {@code market}, of one model or of any. */
    public Optional<LocalDate> findLatestDate(String model, String market) {
        Object[] params = model == null ? new Object[]{market} : new Object[]{market, model};
        return Jdbc.find(dataSource, "Could not read the latest trading day",
                model == null ? LATEST_DATE : LATEST_DATE_OF_MODEL, rs -> rs.getString(1), params)
                .map(LocalDate::parse);
    }

    /**
     * A number that grows with every write of the results of {@code model} (of any model when null): the same
     * number, the same stored results.
     */
    public long findResultsVersion(String model) {
        Object[] params = model == null ? new Object[0] : new Object[]{model};
        return Jdbc.find(dataSource, "Could not read the results version",
                model == null ? RESULTS_VERSION : RESULTS_VERSION + " WHERE model = ?", rs -> rs.getLong(1), params)
                .orElse(0L);
    }

    /**
     * Every stored day of {@code market} from {@code from} to {@code to}, of one model or of all, ordered by model
     * then date.
     */
    public List<DayValue> listValues(LocalDate from, LocalDate to, String market, String model, boolean outOfSample) {
        String sql = SELECT_SERIES.formatted(DAYS.formatted(postgres ? "string_agg" : "group_concat"))
                + (outOfSample ? OUT_OF_SAMPLE : "") + (model == null ? "" : " AND t.model = ?") + BY_MODEL;
        // Every model repeats the same dates: parsing each text once saves most of the row-mapping time.
        Map<String, LocalDate> dates = new HashMap<>();
        List<DayValue> values = new ArrayList<>();
        Jdbc.forEach(dataSource, "Could not read performance values", sql, rs -> {
            String name = rs.getString(1);
            for (String day : rs.getString(2).split(",")) {
                String[] f = day.split(" ");
                values.add(new DayValue(name, dates.computeIfAbsent(f[0], LocalDate::parse),
                        Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3].equals("1")));
            }
        }, params(from, to, market, model));
        return values;
    }

    /** The sums of each model's days of {@code market} from {@code from} to {@code to}, of one model or of all. */
    public Map<String, ModelTotals> listTotals(LocalDate from, LocalDate to, String market, String model,
            boolean outOfSample) {
        Map<String, ModelTotals> totals = new HashMap<>();
        Jdbc.forEach(dataSource, "Could not read performance totals",
                SELECT_TOTALS + (outOfSample ? OUT_OF_SAMPLE : "") + (model == null ? "" : " AND t.model = ?") + GROUP,
                rs -> {
                    double cost = rs.getDouble(12);
                    boolean unknown = rs.getInt(13) > 0;
                    totals.put(rs.getString(1), new ModelTotals(rs.getInt(2), rs.getInt(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                            new Tokens(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)),
                            unknown ? null : BigDecimal.valueOf(cost), rs.getInt(14) > 0 ? null : rs.getInt(15)));
                },
                params(from, to, market, model));
        return totals;
    }

    /** The models with days in the period whose knowledge cutoff is not known, by name. */
    public List<String> listUndated(LocalDate from, LocalDate to, String market, String model) {
        return Jdbc.list(dataSource, "Could not read performance models",
                SELECT_UNDATED + (model == null ? "" : " AND t.model = ?") + " ORDER BY t.model",
                rs -> rs.getString(1), params(from, to, market, model));
    }

    private static Object[] params(LocalDate from, LocalDate to, String market, String model) {
        return model == null
                ? new Object[]{from.toString(), to.toString(), market}
                : new Object[]{from.toString(), to.toString(), market, model};
    }
}
