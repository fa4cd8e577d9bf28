package io.aitrader.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.Usd;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;

/** Read-only queries over the stored conversations: trading_days, reasoning_logs and tool_usage. */
@ApplicationScoped
public class ReasoningRepository {

    /** The same filter for every query; each parameter appears twice (null means any). */
    static final String FILTER = "(CAST(? AS TEXT) IS NULL OR d.job_id = ?) AND (CAST(? AS TEXT) IS NULL OR d.date = ?)"
            + " AND (CAST(? AS TEXT) IS NULL OR d.model = ?)";
    static final String SELECT_DAYS = """
            SELECT d.id, d.job_id, d.model, d.date, d.total_steps, d.stop_signal, d.summary, d.cost_usd,
                   (SELECT COUNT(*) FROM reasoning_logs r WHERE r.trading_day_id = d.id) AS messages,
                   (SELECT SUM(r.input_tokens) FROM reasoning_logs r WHERE r.trading_day_id = d.id) AS input_tokens,
                   (SELECT SUM(r.cached_input_tokens) FROM reasoning_logs r WHERE r.trading_day_id = d.id)
                       AS cached_input_tokens,
                   (SELECT SUM(r.output_tokens) FROM reasoning_logs r WHERE r.trading_day_id = d.id) AS output_tokens
            FROM trading_days d WHERE %s ORDER BY d.date, d.model
            """.formatted(FILTER);
    static final String SELECT_TOOL_USAGE = """
            SELECT u.trading_day_id, u.tool_name, u.calls FROM tool_usage u
            JOIN trading_days d ON d.id = u.trading_day_id WHERE %s ORDER BY u.trading_day_id, u.tool_name
            """.formatted(FILTER);
    static final String SELECT_MESSAGES = """
            SELECT r.trading_day_id, r.seq, r.role, r.content, r.tool_name, r.tool_arguments, r.tool_result,
                   r.timestamp, r.input_tokens, r.cached_input_tokens, r.output_tokens
            FROM reasoning_logs r JOIN trading_days d ON d.id = r.trading_day_id WHERE %s
            ORDER BY r.trading_day_id, r.seq
            """.formatted(FILTER);

    /** The model-days matching the filter, keyed by trading_days.id, in date then model order. */
    public record Filter(String jobId, LocalDate date, String model) {
    }

    private final DataSource dataSource;

    ReasoningRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<Long, ReasoningSession> listSessions(Filter filter) {
        Map<Long, ReasoningSession> sessions = new LinkedHashMap<>();
        query(SELECT_DAYS, filter, rs -> sessions.put(rs.getLong("id"), new ReasoningSession(rs.getString("job_id"),
                rs.getString("model"), LocalDate.parse(rs.getString("date")), rs.getInt("total_steps"),
                rs.getInt("stop_signal") == 1, rs.getString("summary"), Map.of(), rs.getInt("messages"),
                new ReasoningSession.Tokens(longOrNull(rs, "input_tokens"), longOrNull(rs, "cached_input_tokens"),
                        longOrNull(rs, "output_tokens")),
                usd(rs, "cost_usd"), null)));
        return sessions;
    }

    public Map<Long, Map<String, Integer>> listToolUsage(Filter filter) {
        Map<Long, Map<String, Integer>> usage = new HashMap<>();
        query(SELECT_TOOL_USAGE, filter, rs -> usage.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getInt(3)));
        return usage;
    }

    public Map<Long, List<ReasoningSession.Message>> listMessages(Filter filter) {
        Map<Long, List<ReasoningSession.Message>> messages = new HashMap<>();
        query(SELECT_MESSAGES, filter, rs -> messages.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                .add(new ReasoningSession.Message(rs.getInt("seq"), rs.getString("role"), rs.getString("content"),
                        rs.getString("tool_name"), rs.getString("tool_arguments"), rs.getString("tool_result"),
                        rs.getString("timestamp"), intOrNull(rs, "input_tokens"), intOrNull(rs, "cached_input_tokens"),
                        intOrNull(rs, "output_tokens"))));
        return messages;
    }

    private void query(String sql, Filter filter, Jdbc.Each each) {
        String date = filter.date() == null ? null : filter.date().toString();
        Jdbc.forEach(dataSource, "Could not read reasoning logs", sql, each, filter.jobId(), filter.jobId(), date, date,
                filter.model(), filter.model());
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static BigDecimal usd(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Usd.shown(BigDecimal.valueOf(value));
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
