package io.aitrader.jobs.bundle;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.StoredCost;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.trading.Quantity;

/** The rows a bundle carries that no other store reads or writes this way: a job's results, and an imported job. */
@ApplicationScoped
class BundleRows {

    static final String SELECT_RESULTS = """
            SELECT t.id, t.model, t.date, t.cash, t.starting_value, t.ending_value, t.previous_value, t.profit,
                   t.return_pct, t.total_steps, t.stop_signal, t.summary, t.borrow_fee
            FROM trading_days t WHERE t.job_id = ? ORDER BY t.model, t.date
            """;
    static final String SELECT_HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ? ORDER BY symbol";
    static final String SELECT_ACTIONS = """
            SELECT seq, action, symbol, amount, price, total, fill_price, commission, slippage, reason
            FROM actions WHERE trading_day_id = ? ORDER BY seq
            """;
    static final String INSERT_JOB = """
            INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key, replace_existing,
                              warnings, error, triggered_by, created_at, started_at, updated_at, completed_at,
                              max_cost_usd, replay_of, rescore_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_DAY = """
            INSERT INTO job_details (job_id, model, date, status, started_at, completed_at, error, %s)
            VALUES (?, ?, ?, ?, ?, ?, ?, %s)
            """.formatted(StoredCost.COLUMNS, StoredCost.PLACEHOLDERS);

    private final DataSource dataSource;

    BundleRows(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job's committed results with their holdings and trades, as the bundle's result lines. */
    List<Map<String, Object>> listResults(String jobId) {
        return Jdbc.withConnection(dataSource, "Could not read the job's results", conn -> {
            List<Map<String, Object>> results = new ArrayList<>();
            Jdbc.forEach(conn, SELECT_RESULTS, rs -> {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("id", rs.getLong(1));
                day.put("model", rs.getString(2));
                day.put("date", rs.getString(3));
                day.put("cash", rs.getDouble(4));
                day.put("starting_value", rs.getDouble(5));
                day.put("ending_value", rs.getDouble(6));
                day.put("previous_value", rs.getDouble(7));
                day.put("profit", rs.getDouble(8));
                day.put("return_pct", rs.getDouble(9));
                day.put("total_steps", rs.getInt(10));
                day.put("stop_signal", rs.getInt(11) == 1);
                day.put("summary", rs.getString(12));
                day.put("borrow_fee", rs.getDouble(13));
                results.add(day);
            }, jobId);
            for (Map<String, Object> day : results) {
                long id = (Long) day.remove("id");
                Map<String, BigDecimal> holdings = new LinkedHashMap<>();
                Jdbc.forEach(conn, SELECT_HOLDINGS,
                        rs -> holdings.put(rs.getString(1), Quantity.stored(rs.getDouble(2))), id);
                List<Map<String, Object>> trades = new ArrayList<>();
                Jdbc.forEach(conn, SELECT_ACTIONS, rs -> {
                    Map<String, Object> trade = new LinkedHashMap<>();
                    trade.put("seq", rs.getInt(1));
                    trade.put("action", rs.getString(2));
                    trade.put("symbol", rs.getString(3));
                    trade.put("amount", Quantity.stored(rs.getDouble(4)));
                    trade.put("price", rs.getDouble(5));
                    trade.put("total", rs.getDouble(6));
                    trade.put("fill_price", rs.getDouble(7));
                    trade.put("commission", rs.getDouble(8));
                    trade.put("slippage", rs.getDouble(9));
                    if (rs.getString(10) != null) {
                        trade.put("reason", rs.getString(10));
                    }
                    trades.add(trade);
                }, id);
                day.put("holdings", holdings);
                day.put("trades", trades);
            }
            return results;
        });
    }

    /** Inserts an imported job with its model-days as recorded, on the import's transaction. */
    void persistImported(Connection conn, JobRecord job, String configJson, String dateRange, String models,
            String warnings, List<ModelDay> days) throws SQLException {
        Jdbc.update(conn, INSERT_JOB, job.jobId(), job.status().wire(), job.configPath(), configJson, dateRange,
                models, "imported:" + job.jobId(), warnings, job.error(), job.triggeredBy(), job.createdAt(),
                job.startedAt(), Timestamps.now(), job.completedAt(), job.maxCostUsd(), job.replayOf(),
                job.rescoreOf());
        for (ModelDay day : days) {
            Jdbc.update(conn, INSERT_DAY, StoredCost.params(new Object[]{job.jobId(), day.model(),
                    day.date().toString(), day.status().wire(), day.startedAt(), day.completedAt(), day.error()},
                    day.cost()));
        }
    }
}
