package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.countDays;
import static io.aitrader.testing.Jobs.trigger;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Spending caps (contract 9): a model's agent_config.max_cost_usd and the trigger's max_cost_usd stop days from
 * starting once reached, the job ends partial and says so, and bad caps are refused before anything is stored. The
 * stand-in's model costs 1000 USD per million input and output tokens, so each day's cost is large and exact.
 */
@QuarkusTest
class BudgetTest {

    static final String GPT = "budget-gpt";
    static final String MOCK = "budget-mock";
    static final List<String> DAYS = LlmJobTest.DAYS;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aModelStopsStartingDaysOnceItsSpendReachedItsCapAndTheJobEndsPartial() throws Exception {
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            JsonPath status = run(standIn, Map.of());

            BigDecimal perDay = expectedDayCost();
            assertEquals(0, new BigDecimal("0.45").compareTo(perDay), "three calls of 120 + 30 tokens at 1000/Mtok");
            assertEquals("partial", status.getString("status"), status::prettify);
            assertEquals(2, countDays(status, GPT, "completed"), "0.45 < 0.50 lets day 2 start; 0.90 stops day 3");
            assertEquals(1, countDays(status, GPT, "skipped"));
            assertEquals(3, countDays(status, MOCK, "completed"), "the free mock is never stopped");
            assertEquals(6, standIn.requests.size(), "no call for the skipped day");
            Map<String, Object> skipped = status.getMap("progress.details.find { it.model == '" + GPT
                    + "' && it.status == 'skipped' }");
            assertEquals(DAYS.get(2), skipped.get("date"));
            assertEquals("budget_exhausted: model budget-gpt has spent $0.90 in this job, its agent_config."
                    + "max_cost_usd is $0.50", skipped.get("error"));
            assertTrue(status.getList("warnings").contains("budget_exhausted: model budget-gpt reached "
                    + "agent_config.max_cost_usd of $0.50; its later model-days were skipped"), status::prettify);
            Map<String, BigDecimal> costs = storedCosts(status.getString("job_id"));
            assertEquals(0, perDay.compareTo(costs.get(GPT + "@" + DAYS.get(0))));
            assertEquals(0, perDay.compareTo(costs.get(GPT + "@" + DAYS.get(1))));
            assertEquals(null, costs.get(GPT + "@" + DAYS.get(2)), "a skipped day made no call");
            assertEquals(0, BigDecimal.ZERO.compareTo(costs.get(MOCK + "@" + DAYS.get(0))), "mock costs 0");
        }
    }

    @Test
    void theJobsCapStopsEveryModelsNextDaysOnceTheJobSpentIt() throws Exception {
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            JsonPath status = run(standIn, Map.of("max_cost_usd", 0.4, "models", List.of(GPT)));

            assertEquals("partial", status.getString("status"), status::prettify);
            assertEquals(1, countDays(status, GPT, "completed"), "the first day starts at 0 spent and overshoots");
            assertEquals(2, countDays(status, GPT, "skipped"));
            assertEquals(3, standIn.requests.size());
            assertTrue(status.getList("progress.details.error").contains(
                    "budget_exhausted: the job has spent $0.45 of its max_cost_usd $0.40"), status::prettify);
            assertTrue(status.getList("warnings").contains("budget_exhausted: the job reached its max_cost_usd of "
                    + "$0.40; the model-days that had not started were skipped"), status::prettify);
        }
    }

    @Test
    void badCapsAreRefusedAndCreateNoJob() throws Exception {
        int before = countJobs();
        for (String cap : List.of("\"abc\"", "-1", "0", "true", "{}", "[1]")) {
            trigger("{\"config_path\": \"configs/llm_budget.json\", \"max_cost_usd\": " + cap + "}").then()
                    .statusCode(400).body("error", equalTo("invalid_parameter"))
                    .body("details.field", equalTo("max_cost_usd"))
                    .body("message", equalTo("max_cost_usd must be a positive number of USD"));
        }
        System.setProperty("LLM_STANDIN_URL", "http://127.0.0.1:9");
        System.setProperty("LLM_STANDIN_KEY", "sk-unused-key-0000");
        trigger(Map.of("config_path", "configs/budget_invalid.json")).then().statusCode(400)
                .body("error", equalTo("invalid_config"))
                .body("details.problems",
                        hasItem("agent_config.max_cost_usd must be a positive number of USD (got -2)"))
                .body("details.problems", hasItem("models[0].pricing.input_per_mtok must not be negative (got -1)"))
                .body("details.problems", hasItem(
                        "models[0].pricing.cached_input_per_mtok is required"))
                .body("details.problems", hasItem(
                        "models[0].pricing.output_per_mtok must be a number of USD per million tokens"))
                .body("message", startsWith("Config"));
        assertEquals(before, countJobs(), "nothing was stored");
    }

    private static JsonPath run(OpenAiStandIn standIn, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("config_path", "configs/llm_budget.json", "start_date",
                DAYS.get(0), "end_date", DAYS.get(2), "replace_existing", true));
        body.putAll(extra);
        String jobId = trigger(body).then().statusCode(202).extract().path("job_id");
        return awaitEnd(jobId);
    }

    /** Two steps and the summary, each billed as the stand-in's usage block says, at 1000 USD per Mtok. */
    private static BigDecimal expectedDayCost() throws Exception {
        JsonNode usage = JSON.readTree(ChatJson.text("x")).get("usage");
        long tokens = 3L * (usage.get("prompt_tokens").asLong() + usage.get("completion_tokens").asLong());
        return BigDecimal.valueOf(tokens * 1000L).movePointLeft(6);
    }

    private Map<String, BigDecimal> storedCosts(String jobId) throws Exception {
        Map<String, BigDecimal> costs = new HashMap<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT model, date, cost_usd FROM job_details WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double cost = rs.getDouble(3);
                    BigDecimal stored = rs.wasNull() ? null : BigDecimal.valueOf(cost);
                    costs.put(rs.getString(1) + "@" + rs.getString(2), stored);
                }
            }
        }
        return costs;
    }

    private int countJobs() throws Exception {
        List<Integer> count = new ArrayList<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT COUNT(*) FROM jobs");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            count.add(rs.getInt(1));
        }
        return count.get(0);
    }
}
