package io.aitrader.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

/**
 * Writes a finished job, its model-days and their results straight into the database with the usage and cost a test
 * chooses, so the read side can be checked against figures the production code did not compute.
 */
public final class CostRows {

    static final String INSERT_JOB = """
            INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key, created_at,
                              updated_at, completed_at)
            VALUES (?, 'partial', 'seeded', '{}', '[]', '[]', ?, ?, ?, ?)
            """;
    static final String INSERT_DETAIL = """
            INSERT INTO job_details (job_id, model, date, status, started_at, completed_at, llm_calls, input_tokens,
                                     cached_input_tokens, cache_write_tokens, output_tokens, cost_usd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
            """;
    static final String DELETE_DAY = "DELETE FROM trading_days WHERE model = ? AND date = ?";
    static final String INSERT_DAY = """
            INSERT INTO trading_days (job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
                                      return_pct, total_steps, stop_signal, summary, created_at, llm_calls,
                                      input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, cost_usd)
            VALUES (?, ?, ?, 10000, 10000, 10000, 10000, 0, 0, 2, 1, 'seeded', ?, ?, ?, ?, 0, ?, ?) RETURNING id
            """;
    static final String INSERT_MESSAGE = """
            INSERT INTO reasoning_logs (trading_day_id, seq, role, content, timestamp, input_tokens,
                                        cached_input_tokens, output_tokens)
            VALUES (?, ?, 'assistant', 'seeded', ?, ?, ?, ?)
            """;
    /** Listed before every real job (jobs are listed newest first), so /simulate/current never answers it. */
    static final String CREATED = "2019-01-01T00:00:00Z";

    /** One model-day's usage; {@code calls} null: none recorded; {@code costUsd} null: unknown. */
    public record Usage(Integer calls, long input, long cachedInput, long output, Double costUsd) {

        public static final Usage NONE = new Usage(null, 0, 0, 0, null);
    }

    private final DataSource dataSource;

    public CostRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A partial job (ended), without model-days yet. */
    public void job(String jobId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_JOB)) {
            ps.setString(1, jobId);
            ps.setString(2, jobId);
            ps.setString(3, CREATED);
            ps.setString(4, CREATED);
            ps.setString(5, CREATED);
            ps.executeUpdate();
        }
    }

    /** A model-day of the job, ended with {@code status}, with its usage. */
    public void detail(String jobId, String model, LocalDate date, String status, Usage usage) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_DETAIL)) {
            ps.setString(1, jobId);
            ps.setString(2, model);
            ps.setString(3, date.toString());
            ps.setString(4, status);
            ps.setString(5, usage.calls() == null ? null : CREATED);
            ps.setString(6, CREATED);
            bindUsage(ps, 7, usage);
            ps.executeUpdate();
        }
    }

    /**
     * The stored result of a model-day (replacing the model's earlier one of that date), with its usage and one
     * assistant message per {@code messages} entry of {input, cached input, output} tokens; returns its id.
     */
    public long result(String jobId, String model, LocalDate date, Usage usage, long[]... messages)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_DAY)) {
                delete.setString(1, model);
                delete.setString(2, date.toString());
                delete.executeUpdate();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(INSERT_DAY)) {
                ps.setString(1, jobId);
                ps.setString(2, model);
                ps.setString(3, date.toString());
                ps.setString(4, Instant.now().toString());
                bindUsage(ps, 5, usage);
                try (ResultSet keys = ps.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE)) {
                for (int i = 0; i < messages.length; i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, Instant.now().toString());
                    ps.setLong(4, messages[i][0]);
                    ps.setLong(5, messages[i][1]);
                    ps.setLong(6, messages[i][2]);
                    ps.executeUpdate();
                }
            }
            return id;
        }
    }

    /** llm_calls, input, cached input, output, cost from {@code first} on (cache writes are bound as 0 in the SQL). */
    private static void bindUsage(PreparedStatement ps, int first, Usage usage) throws SQLException {
        if (usage.calls() == null) {
            for (int i = 0; i < 4; i++) {
                ps.setNull(first + i, Types.BIGINT);
            }
        } else {
            ps.setInt(first, usage.calls());
            ps.setLong(first + 1, usage.input());
            ps.setLong(first + 2, usage.cachedInput());
            ps.setLong(first + 3, usage.output());
        }
        if (usage.costUsd() == null) {
            ps.setNull(first + 4, Types.DOUBLE);
        } else {
            ps.setDouble(first + 4, usage.costUsd());
        }
    }
}
