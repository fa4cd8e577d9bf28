package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.countDays;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The "done when" of the LLM work: a config whose OpenAI-compatible models point at the local stand-in runs a
 * multi-day job through the real HTTP client; a model whose provider keeps failing fails alone, with the reason;
 * the conversations show in GET /reasoning and GET /results; the key shows nowhere.
 */
@QuarkusTest
class LlmJobTest {

    static final String KEY = "sk-e2e-SECRET-5f1c9a7b3d2e";
    static final String GPT = "llm-e2e-gpt";
    static final List<String> DAYS = List.of("2025-08-04", "2025-08-05", "2025-08-06");

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void anOpenAiCompatibleModelTradesSeveralDaysThroughTheStandIn() throws Exception {
        awaitIdle();
        TestPrices.ensure();
        try (OpenAiStandIn standIn = OpenAiStandIn.start(); LogCapture logs = LogCapture.install()) {
            standIn.otherwise(LlmStandInScript::answer);
            System.setProperty("LLM_STANDIN_URL", standIn.root());
            System.setProperty("LLM_STANDIN_KEY", KEY);
            String jobId = trigger(Map.of("config_path", "configs/llm_e2e.json", "start_date", DAYS.get(0),
                    "end_date", DAYS.get(2), "replace_existing", true)).then().statusCode(202).extract()
                    .path("job_id");
            JsonPath status = awaitEnd(jobId);

            assertEquals("partial", status.getString("status"), status::prettify);
            List<Map<String, Object>> details = status.getList("progress.details");
            assertEquals(3, countDays(status, GPT, "completed"));
            assertEquals(3, countDays(status, "llm-e2e-mock", "completed"), "other models are unaffected");
            assertEquals(3, countDays(status, "llm-e2e-broken", "failed"));
            details.stream().filter(d -> d.get("model").equals("llm-e2e-broken")).forEach(d -> assertTrue(
                    String.valueOf(d.get("error")).startsWith(
                            "model call failed after 3 attempts: HTTP 500: upstream exploded"),
                    String.valueOf(d.get("error"))));
            assertEquals(9, standIn.requests.stream().filter(r -> r.path().equals("/v1/chat/completions")).count(),
                    "two steps and one summary call per day");
            assertEquals(9, standIn.requests.stream().filter(r -> r.path().startsWith("/broken/")).count(),
                    "three attempts per failed day");
            standIn.requests.forEach(r -> assertEquals("Bearer " + KEY, r.header("Authorization")));

            assertConversations(jobId);
            assertKeyNowhere(jobId, logs);
            assertTrue(logs.contains("retry 1 of 2"),
                    "the capture sees the retry warnings, so its check means something");
        }
    }

    @Test
    void aModelDayPastItsOverallTimeoutFailsWithThatReason() {
        awaitIdle();
        TestPrices.ensure();
        try (OpenAiStandIn standIn = OpenAiStandIn.start()) {
            standIn.otherwise(LlmStandInScript::answer);
            System.setProperty("LLM_STANDIN_URL", standIn.root());
            System.setProperty("LLM_STANDIN_KEY", KEY);
            String jobId = trigger(Map.of("config_path", "configs/llm_timeout.json", "start_date", DAYS.get(0),
                    "end_date", DAYS.get(0), "replace_existing", true)).then().statusCode(202).extract()
                    .path("job_id");
            JsonPath status = awaitEnd(jobId);

            assertEquals("failed", status.getString("status"));
            assertEquals("The model-day exceeded its timeout of 1 s", status.getString("progress.details[0].error"));
            assertTrue(standIn.requests.size() < 10, "the loop stopped between steps: " + standIn.requests.size());
        }
    }

    private void assertConversations(String jobId) {
        JsonPath all = given().queryParam("job_id", jobId).when().get("/reasoning").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(6, all.getInt("count"));
        Map<String, Object> first = all.getMap("sessions.find { it.model == '" + GPT + "' }");
        assertEquals(DAYS.get(0), first.get("date"));
        assertEquals(2, first.get("total_steps"));
        assertEquals(true, first.get("stop_signal_received"));
        assertEquals(Map.of("buy", 1, "get_price_local", 1), first.get("tool_usage"));
        assertTrue(String.valueOf(first.get("reasoning_summary")).startsWith("A calm day: I bought 1 AAPL"));
        assertEquals(360, all.getInt("sessions.find { it.model == '" + GPT + "' }.tokens.input"));
        assertFalse(first.containsKey("messages"), "messages only with full=true");

        JsonPath full = given().queryParam("job_id", jobId).queryParam("date", DAYS.get(1)).queryParam("model", GPT)
                .queryParam("full", "true").when().get("/reasoning").then().statusCode(200).extract().jsonPath();
        assertEquals(1, full.getInt("count"));
        assertEquals(List.of("system", "user", "assistant", "tool", "tool", "assistant", "user", "assistant"),
                full.getList("sessions[0].messages.role"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), full.getList("sessions[0].messages.seq"));
        assertEquals("get_price_local", full.getString("sessions[0].messages[3].tool_name"));
        assertTrue(full.getString("sessions[0].messages[3].tool_arguments").contains(DAYS.get(1)));
        assertTrue(full.getString("sessions[0].messages[4].tool_result").contains("\"filled\""));
        assertTrue(full.getString("sessions[0].messages[0].content").contains("Today's date: " + DAYS.get(1)));
        assertEquals(120, full.getInt("sessions[0].messages[2].input_tokens"));

        JsonPath results = given().queryParam("date", DAYS.get(1)).queryParam("model", GPT)
                .queryParam("detail", "full").when().get("/results").then().statusCode(200).extract().jsonPath();
        assertEquals(2, results.getInt("results[0].positions.AAPL"), "the second day continues from the first");
        assertEquals("buy", results.getString("results[0].trades[0].action"));
        assertEquals(2, results.getInt("results[0].ai_reasoning.total_steps"));
        assertEquals(full.getString("sessions[0].reasoning_summary"),
                results.getString("results[0].ai_reasoning.reasoning_summary"));
    }

    private void assertKeyNowhere(String jobId, LogCapture logs) throws Exception {
        String reasoning = given().queryParam("job_id", jobId).queryParam("full", "true").when().get("/reasoning")
                .asString();
        assertTrue(reasoning.contains("get_price_local") && !reasoning.contains(KEY));
        assertFalse(given().when().get("/simulate/status/" + jobId).asString().contains(KEY));
        assertFalse(given().when().get("/simulate/jobs").asString().contains(KEY));
        assertFalse(given().queryParam("config_path", "configs/llm_e2e.json").when().get("/models").asString()
                .contains(KEY));
        assertFalse(logs.contains(KEY), "no log line holds the key");
        assertFalse(logs.contains("SECRET"), "not even a part of it");
        String like = "%" + KEY + "%";
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                SELECT (SELECT COUNT(*) FROM reasoning_logs WHERE content LIKE ? OR tool_arguments LIKE ?
                            OR tool_result LIKE ?)
                     + (SELECT COUNT(*) FROM jobs WHERE config_json LIKE ? OR error LIKE ? OR warnings LIKE ?)
                     + (SELECT COUNT(*) FROM job_details WHERE error LIKE ?)
                     + (SELECT COUNT(*) FROM trading_days WHERE summary LIKE ?)
                """)) {
            for (int i = 1; i <= 8; i++) {
                ps.setString(i, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the key is stored nowhere");
            }
        }
    }
}
