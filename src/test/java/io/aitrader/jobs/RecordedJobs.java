package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.PromptCacheEmulation;
import io.aitrader.agent.llm.ThreeStepDay;

/** Jobs of the cost config (OpenAI-compatible, Anthropic and mock models) run through the stand-in, and their books. */
final class RecordedJobs {

    static final List<String> DAYS = CostJobTest.DAYS.subList(0, 2);

    private RecordedJobs() {
    }

    /** A stand-in answering both providers' wire formats; the config's references point at it. */
    static OpenAiStandIn standIn() {
        awaitIdle();
        TestPrices.ensure();
        OpenAiStandIn standIn = OpenAiStandIn.start();
        standIn.otherwise(new ThreeStepDay(new PromptCacheEmulation(CostJobTest.MINIMUM_CACHED_PREFIX)));
        System.setProperty("COST_STANDIN_URL", standIn.root());
        System.setProperty("COST_STANDIN_KEY", CostJobTest.KEY);
        return standIn;
    }

    /** Triggers the job and waits for its end; returns its id. */
    static String run(Map<String, Object> body) {
        String jobId = trigger(new HashMap<>(body)).then().statusCode(202).extract().path("job_id");
        awaitEnd(jobId);
        return jobId;
    }

    /** The cost config's two days of {@code models}. */
    static String runSource(List<String> models) {
        return run(Map.of("config_path", "configs/cost_e2e.json", "start_date", DAYS.get(0), "end_date",
                DAYS.get(1), "replace_existing", true, "models", models));
    }

    /** Each of the models' stored results of the two days: cash, values, holdings and trades, comparable as text. */
    static Map<String, String> books(DataSource dataSource, List<String> models) throws Exception {
        Map<String, String> books = new TreeMap<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT id, model, date, cash, ending_value, profit FROM trading_days WHERE date IN (?, ?)")) {
            ps.setString(1, DAYS.get(0));
            ps.setString(2, DAYS.get(1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (models.contains(rs.getString(2))) {
                        books.put(rs.getString(2) + "@" + rs.getString(3), rs.getDouble(4) + " " + rs.getDouble(5)
                                + " " + rs.getDouble(6) + " " + rows(conn, HOLDINGS, rs.getLong(1)) + " "
                                + rows(conn, TRADES, rs.getLong(1)));
                    }
                }
            }
        }
        assertEquals(models.size() * DAYS.size(), books.size(), books::toString);
        return books;
    }

    static final String HOLDINGS = "SELECT symbol, shares FROM holdings WHERE trading_day_id = ? ORDER BY symbol";
    static final String TRADES = "SELECT seq, action, amount, symbol, price FROM actions WHERE trading_day_id = ? "
            + "ORDER BY seq";

    private static List<String> rows(Connection conn, String sql, long dayId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, dayId);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c > 1 ? " " : "").append(rs.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
