package io.aitrader.jobs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Trade;

/** The committed trading ledger: trading_days with their holdings, actions, conversation and tool usage. */
@ApplicationScoped
public class LedgerRepository {

    static final String SELECT_LAST_BEFORE = """
            SELECT id, date, cash, ending_value FROM trading_days WHERE model = ? AND date < ?
            ORDER BY date DESC LIMIT 1
            """;
    static final String SELECT_HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ?";
    static final String SELECT_LAST_DATE = "SELECT MAX(date) FROM trading_days WHERE model = ?";
    static final String SELECT_DATES = "SELECT date FROM trading_days WHERE model = ? AND date BETWEEN ? AND ?";
    static final String DELETE_DAY = "DELETE FROM trading_days WHERE model = ? AND date = ?";
    static final String MARK_LATER_STALE = "UPDATE trading_days SET stale = 1 WHERE model = ? AND date > ?";
    static final String INSERT_DAY = """
            INSERT INTO trading_days (job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
                                      return_pct, total_steps, stop_signal, summary, warnings, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """;
    static final String INSERT_HOLDING = "INSERT INTO holdings (trading_day_id, symbol, shares) VALUES (?, ?, ?)";
    static final String INSERT_ACTION = """
            INSERT INTO actions (trading_day_id, seq, action, symbol, amount, price, total) VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_MESSAGE = """
            INSERT INTO reasoning_logs (trading_day_id, seq, role, content, tool_name, tool_arguments, tool_result,
                                        timestamp, input_tokens, output_tokens)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_TOOL_USAGE = "INSERT INTO tool_usage (trading_day_id, tool_name, calls) VALUES (?, ?, ?)";

    private final DataSource dataSource;
    private final ObjectMapper json;

    LedgerRepository(@Storage DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The end state of the model's latest completed day before {@code date}, in any job. */
    public Optional<StartState> lastCompletedBefore(String model, LocalDate date) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(SELECT_LAST_BEFORE)) {
            ps.setString(1, model);
            ps.setString(2, date.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long dayId = rs.getLong("id");
                Portfolio portfolio = new Portfolio(money(rs.getDouble("cash")), holdings(conn, dayId));
                return Optional.of(new StartState(LocalDate.parse(rs.getString("date")), portfolio,
                        money(rs.getDouble("ending_value"))));
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the previous trading day", e);
        }
    }

    public Optional<LocalDate> lastCompletedDate(String model) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(SELECT_LAST_DATE)) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                String date = rs.next() ? rs.getString(1) : null;
                return Optional.ofNullable(date).map(LocalDate::parse);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the last trading day", e);
        }
    }

    public Set<LocalDate> completedDates(String model, LocalDate from, LocalDate to) {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(SELECT_DATES)) {
            ps.setString(1, model);
            ps.setString(2, from.toString());
            ps.setString(3, to.toString());
            Set<LocalDate> dates = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dates.add(LocalDate.parse(rs.getString(1)));
                }
            }
            return dates;
        } catch (SQLException e) {
            throw new StoreException("Could not read completed trading days", e);
        }
    }

    /**
     * Writes the day on the caller's connection. A day already stored for this model and date is replaced (cascade
     * removes its rows) and the model's later days become stale, since they chained from the old result.
     */
    void insertDay(Connection conn, DayRecord day, String now) throws SQLException {
        int replaced;
        try (PreparedStatement ps = Statements.prepare(conn, DELETE_DAY)) {
            ps.setString(1, day.model());
            ps.setString(2, day.date().toString());
            replaced = ps.executeUpdate();
        }
        if (replaced > 0) {
            try (PreparedStatement ps = Statements.prepare(conn, MARK_LATER_STALE)) {
                ps.setString(1, day.model());
                ps.setString(2, day.date().toString());
                ps.executeUpdate();
            }
        }
        long dayId;
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_DAY)) {
            Sql.bind(ps, day.jobId(), day.model(), day.date().toString(), day.end().cash(),
                    day.startingValue(), day.endingValue(), day.previousValue(), day.profit(), day.returnPct(),
                    day.transcript().totalSteps(), day.transcript().stopSignalReceived(), day.transcript().summary(),
                    toJson(day.warnings()), now);
            try (ResultSet id = ps.executeQuery()) {
                id.next();
                dayId = id.getLong(1);
            }
        }
        insertChildren(conn, dayId, day);
    }

    private void insertChildren(Connection conn, long dayId, DayRecord day) throws SQLException {
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_HOLDING)) {
            for (Map.Entry<String, Long> h : day.end().holdings().entrySet()) {
                Sql.bind(ps, dayId, h.getKey(), h.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_ACTION)) {
            for (Trade t : day.trades()) {
                Sql.bind(ps, dayId, t.seq(), t.action(), t.symbol(), t.amount(), t.price(), t.total());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_MESSAGE)) {
            for (ConversationMessage m : day.transcript().messages()) {
                Sql.bind(ps, dayId, m.seq(), m.role(), m.content(), m.toolName(), m.toolArguments(),
                        m.toolResult(), m.timestamp().toString(), m.inputTokens(), m.outputTokens());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = Statements.prepare(conn, INSERT_TOOL_USAGE)) {
            for (Map.Entry<String, Integer> u : day.transcript().toolUsage().entrySet()) {
                Sql.bind(ps, dayId, u.getKey(), u.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Long> holdings(Connection conn, long dayId) throws SQLException {
        Map<String, Long> holdings = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(SELECT_HOLDINGS)) {
            ps.setLong(1, dayId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holdings.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return holdings;
    }

    /** Stored money has at most 4 decimals (prices have 4, amounts are whole), so this restores the exact value. */
    static BigDecimal money(double stored) {
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
