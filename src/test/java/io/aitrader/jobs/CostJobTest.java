package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.PromptCacheEmulation;
import io.aitrader.agent.llm.ThreeStepDay;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Contract 9 end to end: a job of an OpenAI-compatible model with its own price, two Anthropic models priced by
 * model_pricing.json (one with prompt caching, one without), a model without a price and a mock, against a stand-in
 * that emulates the providers' prompt caches. Every model-day's stored tokens and cost equal what the stand-in
 * billed, recomputed here from its own record and the price files; the spend shows in Prometheus; caching is measured.
 */
@QuarkusTest
class CostJobTest {

    static final String KEY = "sk-cost-SECRET-9a8b7c6d5e4f";
    static final String CONFIG = "src/test/resources/configs/cost_e2e.json";
    static final List<String> DAYS = List.of("2025-08-04", "2025-08-05", "2025-08-06");
    /** Anthropic's (and OpenAI's) smallest cacheable prefix, in tokens. */
    static final int MINIMUM_CACHED_PREFIX = 1024;
    static final String COST = "aitrader_llm_cost_usd_total";
    /** The shipped price file, which the test configs directory links to. */
    static final Path PRICING_FILE = Path.of("configs/model_pricing.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Storage
    DataSource dataSource;

    record Stored(int calls, long input, long cached, long cacheWrite, long output, Double costUsd) {
    }

    @Test
    void everyModelDaysStoredTokensAndCostAreWhatTheProviderBilled() throws Exception {
        awaitIdle();
        TestPrices.ensure();
        ThreeStepDay day = new ThreeStepDay(new PromptCacheEmulation(MINIMUM_CACHED_PREFIX));
        try (OpenAiStandIn standIn = OpenAiStandIn.start()) {
            standIn.otherwise(day);
            System.setProperty("COST_STANDIN_URL", standIn.root());
            System.setProperty("COST_STANDIN_KEY", KEY);
            MetricsScrape before = MetricsScrape.take();
            ExtractableResponse<Response> created = trigger(Map.of("config_path", "configs/cost_e2e.json",
                    "start_date", DAYS.get(0), "end_date", DAYS.get(2), "replace_existing", true)).then().log()
                    .ifValidationFails()
                    .statusCode(202).extract();
            String jobId = created.path("job_id");
            assertEquals("completed", awaitEnd(jobId).getString("status"));
            MetricsScrape after = MetricsScrape.take();

            List<String> warnings = created.path("warnings");
            assertTrue(warnings.stream().anyMatch(w -> w.contains("No price is known for model cost-unpriced")),
                    warnings::toString);
            Map<String, Map<String, BilledDays.Day>> billed = billed(day.sent);
            for (String table : List.of("job_details", "trading_days")) {
                Map<String, Map<String, Stored>> stored = stored(table, jobId);
                billed.forEach((model, days) -> assertStoredAsBilled(table, model, days, stored.get(model)));
                stored.get("cost-mock").values().forEach(s -> assertEquals(0.0, s.costUsd(), table + " mock"));
                stored.get("cost-unpriced").values().forEach(s -> assertNull(s.costUsd(), table + " unpriced"));
            }
            billed.forEach((model, days) -> assertSpendCounted(model, days, before, after));
            CacheMeasure.print("cost-gpt", billed.get("cost-gpt"));
            CacheMeasure.assertCachingPays(billed.get("cost-claude"), billed.get("cost-claude-nocache"), DAYS,
                    MINIMUM_CACHED_PREFIX);
        }
    }

    private static Map<String, Map<String, BilledDays.Day>> billed(List<ThreeStepDay.Sent> sent) throws IOException {
        JsonNode gpt = JSON.readTree(Files.readString(Path.of(CONFIG))).path("models").get(0).path("pricing");
        BilledDays.Price claude = BilledDays.Price.fromPricingFile(PRICING_FILE, "claude-sonnet-4-5");
        Map<String, Map<String, BilledDays.Day>> billed = new TreeMap<>();
        billed.put("cost-gpt", BilledDays.of(sent, "/gpt/", BilledDays.Price.of(gpt)));
        billed.put("cost-claude", BilledDays.of(sent, "/claude/", claude));
        billed.put("cost-claude-nocache", BilledDays.of(sent, "/claude-nocache/", claude));
        billed.put("cost-unpriced", BilledDays.of(sent, "/unpriced/", null));
        billed.values().forEach(days -> {
            assertEquals(DAYS, List.copyOf(days.keySet()));
            days.values().forEach(d -> assertEquals(4, d.calls(), "three steps and a summary each day"));
        });
        return billed;
    }

    private static void assertStoredAsBilled(String table, String model, Map<String, BilledDays.Day> billed,
            Map<String, Stored> stored) {
        assertNotNull(stored, table + " has no rows of " + model);
        assertEquals(billed.keySet(), stored.keySet(), table + " " + model);
        billed.forEach((date, b) -> {
            Stored s = stored.get(date);
            String where = table + " " + model + " " + date;
            assertEquals(List.of(b.calls(), b.input(), b.cached(), b.cacheWrite(), b.output()),
                    List.of(s.calls(), s.input(), s.cached(), s.cacheWrite(), s.output()), where);
            if (b.costUsd() == null) {
                assertNull(s.costUsd(), where);
            } else {
                assertNotNull(s.costUsd(), where);
                assertEquals(b.costUsd().doubleValue(), s.costUsd(), 1e-8, where);
            }
        });
    }

    private static void assertSpendCounted(String model, Map<String, BilledDays.Day> days, MetricsScrape before,
            MetricsScrape after) {
        String label = "model=\"" + model + "\"";
        double spent = days.values().stream().map(BilledDays.Day::costUsd).filter(c -> c != null)
                .mapToDouble(BigDecimal::doubleValue).sum();
        assertEquals(spent, after.sum(COST, label) - before.sum(COST, label), 1e-8, model);
    }

    private Map<String, Map<String, Stored>> stored(String table, String jobId) throws SQLException {
        Map<String, Map<String, Stored>> byModel = new TreeMap<>();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT model, date, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, "
                                + "cost_usd FROM " + table + " WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double cost = rs.getDouble(8);
                    Double costUsd = rs.wasNull() ? null : cost;
                    byModel.computeIfAbsent(rs.getString(1), m -> new TreeMap<>()).put(rs.getString(2),
                            new Stored(rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                    costUsd));
                }
            }
        }
        return byModel;
    }
}
