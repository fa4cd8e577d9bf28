package io.aitrader.results;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.DayCost;
import io.aitrader.cost.StoredCost;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/** Reads the daily values behind GET /performance: one query for every model of a period, trades counted in SQL. */
@ApplicationScoped
public class PerformanceRepository {

    static final String LATEST_DATE = "SELECT MAX(date) FROM trading_days";
    static final String LATEST_DATE_OF_MODEL = "SELECT MAX(date) FROM trading_days WHERE model = ?";
    static final String SELECT_VALUES = """
            SELECT t.model, t.date, t.ending_value, t.previous_value, t.stale,
                   (SELECT COUNT(*) FROM actions a WHERE a.trading_day_id = t.id) AS trades, t.commission, t.slippage,
                   t.borrow_fee, t.traded_value, %s
            FROM trading_days t
            WHERE t.date BETWEEN ? AND ?
            """.formatted(StoredCost.columns("t"));
    private static final int FIRST_COST_COLUMN = 11;
    static final String ORDER = " ORDER BY t.model, t.date";

    /**
     * One stored model-day as performance needs it: its value, its trades' count, costs (contract 10) and traded value,
     * and what its model calls cost ({@code cost} null when it recorded no usage).
     */
    public record DayValue(String model, LocalDate date, double endingValue, double previousValue, boolean stale,
            int trades, double commission, double slippage, double borrowFee, double tradedValue, DayCost cost) {
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
        String sql = SELECT_VALUES + (model == null ? "" : " AND t.model = ?") + ORDER;
        Object[] params = model == null
                ? new Object[]{from.toString(), to.toString()}
                : new Object[]{from.toString(), to.toString(), model};
        // Every model repeats the same dates: parsing each text once saves most of the row-mapping time.
        Map<String, LocalDate> dates = new HashMap<>();
        return Jdbc.list(dataSource, "Could not read performance values", sql,
                rs -> new DayValue(rs.getString(1), dates.computeIfAbsent(rs.getString(2), LocalDate::parse),
                        rs.getDouble(3), rs.getDouble(4), rs.getInt(5) == 1, rs.getInt(6), rs.getDouble(7),
                        rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), StoredCost.read(rs, FIRST_COST_COLUMN)),
                params);
    }
}
