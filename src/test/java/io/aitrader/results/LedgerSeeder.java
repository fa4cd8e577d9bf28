package io.aitrader.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

/**
 * Writes ledger rows straight into SQLite for tests that need exact values or volume: one job row, then per model a
 * day per date (ending values given, previous values chained from the initial cash) with {@code tradesPerDay}
 * actions, all in one transaction. A model's earlier rows are deleted first.
 */
final class LedgerSeeder {

    static final String INSERT_JOB = """
            INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key,
                              created_at, updated_at)
            VALUES (?, 'completed', 'seeded', '{}', '[]', '[]', ?, ?, ?)
            ON CONFLICT (job_id) DO NOTHING
            """;
    static final String INSERT_DAY = """
            INSERT INTO trading_days (job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
                                      return_pct, total_steps, stop_signal, summary, stale, created_at, trades)
            VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 1, 1, 'seeded', ?, ?, ?) RETURNING id
            """;
    static final String INSERT_ACTION = """
            INSERT INTO actions (trading_day_id, seq, action, symbol, amount, price, total, fill_price)
            VALUES (?, ?, 'buy', 'AAPL', 1, 100, 100, 100)
            """;

    private LedgerSeeder() {
    }

    /** Marks {@code model}'s days from {@code from} on stale, as a replaced earlier day does. */
    static void markStale(DataSource dataSource, String model, LocalDate from) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c
                        .prepareStatement("UPDATE trading_days SET stale = 1 WHERE model = ? AND date >= ?")) {
            ps.setString(1, model);
            ps.setString(2, from.toString());
            ps.executeUpdate();
        }
    }

    /** {@code values[m][d]} is model m's ending value on {@code dates[d]}; {@code staleFrom} ≥ 0 marks later days. */
    static void seed(DataSource dataSource, String jobId, List<String> models, List<LocalDate> dates,
            double[][] values, double initialCash, int tradesPerDay, int staleFrom) throws SQLException {
        String now = Instant.now().toString();
        String created = "2019-01-01T00:00:00Z"; // listed after every real job
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement job = c.prepareStatement(INSERT_JOB);
                    PreparedStatement delete = c.prepareStatement("DELETE FROM trading_days WHERE model = ?");
                    PreparedStatement day = c.prepareStatement(INSERT_DAY);
                    PreparedStatement action = c.prepareStatement(INSERT_ACTION)) {
                job.setString(1, jobId);
                job.setString(2, jobId);
                job.setString(3, created);
                job.setString(4, created);
                job.executeUpdate();
                for (int m = 0; m < models.size(); m++) {
                    delete.setString(1, models.get(m));
                    delete.executeUpdate();
                    double previous = initialCash;
                    for (int d = 0; d < dates.size(); d++) {
                        double value = values[m][d];
                        day.setString(1, jobId);
                        day.setString(2, models.get(m));
                        day.setString(3, dates.get(d).toString());
                        day.setDouble(4, previous);
                        day.setDouble(5, value);
                        day.setDouble(6, previous);
                        day.setDouble(7, value - previous);
                        day.setDouble(8, (value - previous) / previous * 100);
                        day.setInt(9, staleFrom >= 0 && d >= staleFrom ? 1 : 0);
                        day.setString(10, now);
                        day.setInt(11, tradesPerDay);
                        long id;
                        try (ResultSet keys = day.executeQuery()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                        for (int t = 0; t < tradesPerDay; t++) {
                            action.setLong(1, id);
                            action.setInt(2, t);
                            action.addBatch();
                        }
                        previous = value;
                    }
                }
                action.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
