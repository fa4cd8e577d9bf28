package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Replay (contract 9): a replay answers every model call from the source job's recordings — no provider is contacted,
 * even with its key gone — and reproduces the recorded books to the cent, replacing the results; a request that
 * differs from its recording fails that day, naming the step, and its earlier result stays.
 */
@QuarkusTest
class ReplayTest {

    static final List<String> DAYS = RecordedJobs.DAYS;
    static final List<String> LLMS = List.of("cost-gpt", "cost-claude", "cost-claude-nocache", "cost-unpriced");
    static final List<String> MODELS = List.of("cost-gpt", "cost-claude", "cost-claude-nocache", "cost-unpriced",
            "cost-mock");

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aReplayReproducesEveryProvidersDaysWithoutContactingAnyProvider() throws Exception {
        try (OpenAiStandIn standIn = RecordedJobs.standIn()) {
            String source = RecordedJobs.runSource(MODELS);
            Map<String, String> books = RecordedJobs.books(dataSource, MODELS);
            int sent = standIn.requests.size();
            System.clearProperty("COST_STANDIN_KEY"); // the key is gone: a replay needs none

            String replay = trigger(Map.of("replay_of", source)).then().statusCode(202)
                    .body("warnings[0]", equalTo("Replay of job " + source + ": model calls are answered from its "
                            + "recordings, nothing is sent to a provider; mock and builtin models run again"))
                    .extract().path("job_id");
            JsonPath status = awaitEnd(replay);

            assertEquals("completed", status.getString("status"), status::prettify);
            assertEquals(sent, standIn.requests.size(), "no request reached the provider");
            assertEquals(books, RecordedJobs.books(dataSource, MODELS),
                    "the same trades, cash and holdings, to the cent");
            for (String model : LLMS) {
                for (String date : DAYS) {
                    assertEquals(replay, column("trading_days", "job_id", model, date, null), "replaced");
                    assertEquals(0.0, Double.parseDouble(column("job_details", "cost_usd", model, date, replay)),
                            "a replay costs nothing");
                    assertEquals(column("job_details", "llm_calls", model, date, source),
                            column("job_details", "served_calls", model, date, replay), "every call was served");
                    assertEquals(count(source, model, date, "provider"), count(replay, model, date, "replay"));
                }
            }
        } finally {
            System.setProperty("COST_STANDIN_KEY", CostJobTest.KEY);
        }
    }

    @Test
    void aRequestThatDiffersFromItsRecordingFailsThatDayAndItsEarlierResultStays() throws Exception {
        try (OpenAiStandIn standIn = RecordedJobs.standIn()) {
            String source = RecordedJobs.runSource(List.of("cost-claude"));
            update("UPDATE model_calls SET request_hash = 'tampered-' || request_hash WHERE job_id = ? AND model = ? "
                    + "AND date = ? AND step = 2", source, "cost-claude", DAYS.get(1));
            int sent = standIn.requests.size();

            String replay = RecordedJobs.run(Map.of("replay_of", source));
            JsonPath status = awaitEnd(replay);

            assertEquals("partial", status.getString("status"), status::prettify);
            assertEquals(sent, standIn.requests.size(), "a diverging replay does not fall back to the provider");
            Map<String, Object> failed = status.getMap("progress.details.find { it.date == '" + DAYS.get(1) + "' }");
            assertEquals("failed", failed.get("status"));
            assertTrue(String.valueOf(failed.get("error")).startsWith(
                    "replay_diverged at step 2: the request differs from the recorded one"), failed::toString);
            assertEquals(replay, column("trading_days", "job_id", "cost-claude", DAYS.get(0), null));
            assertEquals(source, column("trading_days", "job_id", "cost-claude", DAYS.get(1), null),
                    "the earlier result stays");

            trigger(Map.of("replay_of", "no-such-job")).then().statusCode(400).body("error", equalTo("unknown_job"));
            trigger(Map.of("replay_of", source, "config_path", "configs/cost_e2e.json")).then().statusCode(400)
                    .body("error", equalTo("invalid_parameter"));
            trigger(Map.of("replay_of", source, "models", List.of("cost-gpt"))).then().statusCode(400)
                    .body("error", equalTo("unknown_model"));
            trigger(Map.of("replay_of", source, "start_date", "2025-09-01")).then().statusCode(400)
                    .body("error", equalTo("nothing_to_replay"));
        }
    }

    private String column(String table, String column, String model, String date, String jobId) throws Exception {
        String sql = "SELECT " + column + " FROM " + table + " WHERE model = ? AND date = ?"
                + (jobId == null ? "" : " AND job_id = ?");
        List<String> values = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, model);
            ps.setString(2, date);
            if (jobId != null) {
                ps.setString(3, jobId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        assertEquals(1, values.size(), table + " " + model + " " + date);
        return values.get(0);
    }

    private int count(String jobId, String model, String date, String servedBy) throws Exception {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT COUNT(*) FROM model_calls WHERE job_id = ? AND model = ? AND date = ? AND served_by = ? "
                                + "AND status = 200")) {
            ps.setString(1, jobId);
            ps.setString(2, model);
            ps.setString(3, date);
            ps.setString(4, servedBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void update(String sql, String... params) throws Exception {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            assertTrue(ps.executeUpdate() > 0, "the recording was tampered with");
        }
    }
}
