package io.aitrader.cost;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Writes and reads a model-day's usage and cost columns ({@code llm_calls}, {@code input_tokens}, {@code cached_input_tokens},
 * {@code cache_write_tokens}, {@code output_tokens}, {@code cost_usd}, {@code served_calls}) as job_details and trading_days store them.
 */
public final class StoredCost {

    /** The columns in the order {@link #read} expects them, for a SELECT list (after an alias and a dot, if any). */
    public static final String COLUMNS = "llm_calls, input_tokens, cached_input_tokens, cache_write_tokens, "
            + "output_tokens, cost_usd, served_calls";

    /** The columns as one SET clause ({@code llm_calls = ?, …}). */
    public static final String SET = COLUMNS.replace(",", " = ?,") + " = ?";
    /** One placeholder per column, for a VALUES list. */
    public static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?";
    private static final int COUNT = 7;

    private StoredCost() {
    }

    /** {@code head}, then the columns' values in their order ({@code cost} null: all null), then {@code tail}. */
    public static Object[] params(Object[] head, DayCost cost, Object... tail) {
        Object[] all = Arrays.copyOf(head, head.length + COUNT + tail.length);
        if (cost != null) {
            Object[] values = {cost.calls(), cost.tokens().input(), cost.tokens().cachedInput(),
                    cost.tokens().cacheWrite(), cost.tokens().output(), cost.costUsd(), cost.servedCalls()};
            System.arraycopy(values, 0, all, head.length, COUNT);
        }
        System.arraycopy(tail, 0, all, head.length + COUNT, tail.length);
        return all;
    }

    /** The same columns, each prefixed with a table alias ({@code "t"} gives {@code t.llm_calls, …}). */
    public static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /**
     * The seven columns from {@code first} on; null when {@code llm_calls} is NULL (the day has not recorded its usage:
     * it never ran, or it ran before costs were kept). A NULL {@code cost_usd} is an unknown cost.
     */
    public static DayCost read(ResultSet rs, int first) throws SQLException {
        int calls = rs.getInt(first);
        if (rs.wasNull()) {
            return null;
        }
        Tokens tokens = new Tokens(rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                rs.getLong(first + 4));
        double cost = rs.getDouble(first + 5);
        BigDecimal known = rs.wasNull() ? null : BigDecimal.valueOf(cost);
        return new DayCost(calls, tokens, known, rs.getInt(first + 6));
    }
}
