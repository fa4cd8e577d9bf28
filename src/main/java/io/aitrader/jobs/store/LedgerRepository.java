package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.cost.StoredCost;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Quantity;
import io.aitrader.trading.Trade;
import io.aitrader.trading.TradingCosts;

/** The committed trading ledger: trading_days with their holdings, actions, conversation and tool usage. */
@ApplicationScoped
public class LedgerRepository {

    static final String SELECT_LAST_BEFORE = """
            SELECT id, date, cash, ending_value FROM trading_days WHERE model = ? AND date < ?
            ORDER BY date DESC LIMIT 1
            """;
    static final String SELECT_HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ?";
    static final String SELECT_LAST_DATE = "SELECT MAX(date) FROM trading_days WHERE model = ?";
    static final String SELECT_OTHER_MARKETS = """
            SELECT model, MIN(market) FROM trading_days WHERE market <> ? AND model IN (%s) GROUP BY model ORDER BY model
            """;
    static final String SELECT_DATES = "SELECT date FROM trading_days WHERE model = ? AND date BETWEEN ? AND ?";
    static final String DELETE_DAY = "DELETE FROM trading_days WHERE model = ? AND date = ?";
    static final String MARK_LATER_STALE = "UPDATE trading_days SET stale = 1 WHERE model = ? AND date > ?";
    static final String INSERT_DAY = """
            INSERT INTO trading_days (job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
                                      return_pct, total_steps, stop_signal, summary, warnings, created_at, borrow_fee, commission, slippage, traded_value, trades,
                                      knowledge_cutoff, market, %s)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s) RETURNING id
            """
            .formatted(StoredCost.COLUMNS, StoredCost.PLACEHOLDERS);
    static final String SELECT_JOB_DAYS = "SELECT model, date FROM trading_days WHERE job_id = ? ORDER BY model, date";
    static final String SELECT_ORDERS = """
            SELECT a.seq, a.action, a.symbol, a.amount, a.price, a.total FROM actions a
            JOIN trading_days t ON t.id = a.trading_day_id
            WHERE t.job_id = ? AND t.model = ? AND t.date = ? AND a.reason IS NULL ORDER BY a.seq
            """;
    static final String INSERT_HOLDING = "INSERT INTO holdings (trading_day_id, symbol, shares) VALUES (?, ?, ?)";
    static final String INSERT_ACTION = """
            INSERT INTO actions (trading_day_id, seq, action, symbol, amount, price, total, fill_price, commission,
                                 slippage, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_MESSAGE = """
            INSERT INTO reasoning_logs (trading_day_id, seq, role, content, tool_name, tool_arguments, tool_result,
                                        timestamp, input_tokens, cached_input_tokens, output_tokens)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_TOOL_USAGE = "INSERT INTO tool_usage (trading_day_id, tool_name, calls) VALUES (?, ?, ?)";

    private final DataSource dataSource;
    private final ObjectMapper json;

    LedgerRepository(@Storage DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The end state of the model's latest completed day before {@code date}, in any job. */
    public Optional<StartState> findLastCompletedBefore(String model, LocalDate date) {
        return Jdbc.withConnection(dataSource, "Could not read the previous trading day",
                conn -> Jdbc.find(conn, SELECT_LAST_BEFORE, rs -> new StartState(LocalDate.parse(rs.getString("date")),
                        new Portfolio(money(rs.getDouble("cash")), holdings(conn, rs.getLong("id"))),
                        money(rs.getDouble("ending_value"))), model, date.toString()));
    }

    public Optional<LocalDate> findLastCompletedDate(String model) {
        return Jdbc.find(dataSource, "Could not read the last trading day", SELECT_LAST_DATE, rs -> rs.getString(1),
                model).map(LocalDate::parse);
    }

    /**
     * Of {@code models}, those with stored days in a market other than {@code market}, with one such market each, by
     * model (contract 12: one market a chain); one query for all.
     */
    public Map<String, String> listOtherMarkets(List<String> models, String market) {
        Map<String, String> others = new LinkedHashMap<>();
        if (models.isEmpty()) {
            return others;
        }
        Object[] params = new Object[models.size() + 1];
        params[0] = market;
        for (int i = 0; i < models.size(); i++) {
            params[i + 1] = models.get(i);
        }
        Jdbc.forEach(dataSource, "Could not read the models' markets",
                SELECT_OTHER_MARKETS.formatted("?,".repeat(models.size() - 1) + "?"),
                rs -> others.put(rs.getString(1), rs.getString(2)), params);
        return others;
    }

    public Set<LocalDate> listCompletedDates(String model, LocalDate from, LocalDate to) {
        Set<LocalDate> dates = new HashSet<>();
        Jdbc.forEach(dataSource, "Could not read completed trading days", SELECT_DATES,
                rs -> dates.add(LocalDate.parse(rs.getString(1))), model, from.toString(), to.toString());
        return dates;
    }

    /** The days whose results job {@code jobId} wrote and still holds (a later run of a model-day replaces it). */
    public List<ModelDate> listResultDays(String jobId) {
        return Jdbc.list(dataSource, "Could not read the job's results", SELECT_JOB_DAYS,
                rs -> new ModelDate(rs.getString(1), LocalDate.parse(rs.getString(2))), jobId);
    }

    /** A model and a date. */
    public record ModelDate(String model, LocalDate date) {
    }

    /**
     * The orders the model's day in that job filled, in their order: its trades without those the rules made (a margin
     * call's covers). Empty when the job holds no result for the day.
     */
    public List<Trade> listOrders(String jobId, String model, LocalDate date) {
        return Jdbc.list(dataSource, "Could not read the day's orders", SELECT_ORDERS,
                rs -> new Trade(rs.getInt(1), rs.getString(2), rs.getString(3), Quantity.stored(rs.getDouble(4)),
                        money(rs.getDouble(5)),
                        money(rs.getDouble(6))),
                jobId, model, date.toString());
    }

    /**
     * Writes the day on the caller's connection. A day already stored for this model and date is replaced (cascade
     * removes its rows) and the model's later days become stale, since they chained from the old result.
     */
    public void persist(Connection conn, DayRecord day, String now) throws SQLException {
        if (Jdbc.update(conn, DELETE_DAY, day.model(), day.date().toString()) > 0) {
            Jdbc.update(conn, MARK_LATER_STALE, day.model(), day.date().toString());
        }
        long dayId;
        TradingCosts costs = TradingCosts.of(day.trades());
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_DAY)) {
            Jdbc.bind(ps, StoredCost.params(new Object[]{day.jobId(), day.model(), day.date().toString(),
                    day.end().cash(), day.startingValue(), day.endingValue(), day.previousValue(), day.profit(),
                    day.returnPct(), day.transcript().totalSteps(), day.transcript().stopSignalReceived(),
                    day.transcript().summary(), toJson(day.warnings()), now, day.borrowFee(), costs.commission(),
                    costs.slippage(),
                    costs.tradedValue(), day.trades().size(), day.knowledgeCutoff(), day.market()}, day.cost()));
            try (ResultSet id = ps.executeQuery()) {
                id.next();
                dayId = id.getLong(1);
            }
        }
        insertChildren(conn, dayId, day);
    }

    private void insertChildren(Connection conn, long dayId, DayRecord day) throws SQLException {
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_HOLDING)) {
            for (Map.Entry<String, BigDecimal> h : day.end().holdings().entrySet()) {
                Jdbc.bind(ps, dayId, h.getKey(), h.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_ACTION)) {
            for (Trade t : day.trades()) {
                Jdbc.bind(ps, dayId, t.seq(), t.action(), t.symbol(), t.amount(), t.price(), t.total(), t.fillPrice(),
                        t.commission(), t.slippage(), t.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_MESSAGE)) {
            for (ConversationMessage m : day.transcript().messages()) {
                Jdbc.bind(ps, dayId, m.seq(), m.role(), m.content(), m.toolName(), m.toolArguments(),
                        m.toolResult(), m.timestamp().toString(), m.inputTokens(), m.cachedInputTokens(),
                        m.outputTokens());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_TOOL_USAGE)) {
            for (Map.Entry<String, Integer> u : day.transcript().toolUsage().entrySet()) {
                Jdbc.bind(ps, dayId, u.getKey(), u.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, BigDecimal> holdings(Connection conn, long dayId) throws SQLException {
        Map<String, BigDecimal> holdings = new HashMap<>();
        Jdbc.forEach(conn, SELECT_HOLDINGS, rs -> holdings.put(rs.getString(1), Quantity.stored(rs.getDouble(2))),
                dayId);
        return holdings;
    }

    /** Stored money has at most 4 decimals (the ledger rounds every notional to them), so this restores it exactly. */
    public static BigDecimal money(double stored) {
        return BigDecimal.valueOf(stored).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
