package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Trading rules end to end (contract 10): a stand-in model makes known orders on real 2025 prices under costly rules
 * (slippage, per-share commission with a minimum, a short with its borrow fee over a weekend); every fill, fee, cash
 * figure and value is recomputed here from the sample file with {@link Books}, not with the ledger. Then the job is
 * re-scored under {@code none}: the same orders, no model call, a short refused, side by side in /performance.
 */
@QuarkusTest
class TradingRulesJobTest {

    @Inject
    @Storage
    DataSource dataSource;

    static final String GPT = "rules-e2e-gpt";
    static final String BASELINE = "rules-e2e-msft";
    static final String D1 = "2025-08-07";
    static final String D2 = "2025-08-08";
    static final String D3 = "2025-08-11"; // a Monday: the short opened on Friday pays three calendar days
    static final List<String> DAYS = List.of(D1, D2, D3);
    static final Map<String, List<Books.Order>> ORDERS = Map.of(
            D1, List.of(new Books.Order("buy", "AAPL", 10), new Books.Order("buy", "MSFT", 5)),
            D2, List.of(new Books.Order("sell", "AAPL", 4), new Books.Order("sell", "NVDA", 3)),
            D3, List.of(new Books.Order("buy", "NVDA", 3), new Books.Order("sell", "AAPL", 6)));
    static final String MARGIN = "rules-margin-gpt";
    static final String M1 = "2025-08-12";
    static final String M2 = "2025-08-13";
    /** A short of 100 NVDA, then longs that leave cash below the 130 % maintenance margin by the next open. */
    static final Map<String, List<Books.Order>> MARGIN_ORDERS = Map.of(
            M1, List.of(new Books.Order("sell", "NVDA", 100), new Books.Order("buy", "AAPL", 70)));
    private static final Pattern DATE = Pattern.compile(SystemPrompt.DATE_LINE + "(\\d{4}-\\d{2}-\\d{2})");

    @Test
    void ordersPayTheRulesCostsAndAReScoringAppliesThemUnderOtherRulesWithoutTheModel() {
        SamplePriceFile prices = SamplePriceFile.secondHalf();
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            standIn.otherwise(TradingRulesJobTest::answer);
            String jobId = trigger(Map.of("config_path", "configs/rules_e2e.json", "start_date", D1, "end_date", D3,
                    "replace_existing", true)).then().statusCode(202).extract().path("job_id");
            JsonPath status = awaitEnd(jobId);
            assertEquals("completed", status.getString("status"), status::prettify);
            assertEquals("costly", status.getString("rules.name"));
            assertEquals(10.0, status.getDouble("rules.slippage_bps"));
            assertEquals(true, status.getBoolean("rules.allow_short"));
            assertEquals("T0", status.getString("rules.settlement"));

            Books costly = Books.costly(prices);
            for (String day : DAYS) {
                costly.trade(day, ORDERS.get(day));
                assertDay(GPT, day, costly);
            }
            assertPrompts(standIn, costly);
            int calls = standIn.requests.size();

            String rescoreId = trigger(Map.of("rescore_of", jobId, "rules", "none")).then().statusCode(202)
                    .extract().path("job_id");
            JsonPath rescored = awaitEnd(rescoreId);
            assertEquals("completed", rescored.getString("status"), rescored::prettify);
            assertEquals(calls, standIn.requests.size(), "a re-scoring calls no model");
            assertEquals(jobId, rescored.getString("rescore_of"));
            assertEquals("none", rescored.getString("rules.name"));
            assertEquals(List.of(GPT + "@none", BASELINE + "@none"), rescored.getList("models"));
            Books none = Books.none(prices);
            for (String day : DAYS) {
                none.trade(day, ORDERS.get(day));
                assertDay(GPT + "@none", day, none);
            }
            assertEquals(1, none.refused, "without shorting the NVDA sell of day 2 is refused");
            assertTrue(given().queryParam("date", D2).queryParam("model", GPT + "@none").queryParam("detail", "full")
                    .get("/results").then().statusCode(200).extract().path("results[0].ai_reasoning.reasoning_summary")
                    .toString().contains("sell 3 NVDA refused"));

            assertBaselinesTradeAgain(prices, jobId);
            assertPerformance(costly, none);
            assertDashboardDay(costly);
        }
    }

    @Test
    void aShortBelowTheMaintenanceMarginIsBoughtBackAtTheNextOpenAsAMarginCall() {
        SamplePriceFile prices = SamplePriceFile.secondHalf();
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            standIn.otherwise(TradingRulesJobTest::answer);
            String jobId = trigger(Map.of("config_path", "configs/rules_margin.json", "start_date", M1, "end_date",
                    M2, "replace_existing", true)).then().statusCode(202).extract().path("job_id");
            assertEquals("completed", awaitEnd(jobId).getString("status"));
            Books books = Books.costly(prices);
            books.trade(M1, MARGIN_ORDERS.get(M1));
            assertDay(MARGIN, M1, books);
            books.trade(M2, List.of());
            assertEquals("cover", books.fills.get(M2).get(0).order().action(), "the books see the margin call too");
            assertDay(MARGIN, M2, books);
            JsonPath day = given().queryParam("date", M2).queryParam("model", MARGIN).queryParam("detail", "full")
                    .get("/results").then().statusCode(200).extract().jsonPath().setRootPath("results[0]");
            assertEquals("cover", day.getString("trades[0].action"));
            assertEquals("margin_call", day.getString("trades[0].reason"));
            assertEquals(100, day.getInt("trades[0].amount"));
            String prompt = standIn.bodies().stream().map(b -> b.path("messages").get(0).path("content").asText())
                    .filter(p -> p.contains(SystemPrompt.DATE_LINE + M2)).findFirst().orElseThrow();
            assertTrue(prompt.contains("Margin call at today's open") && prompt.contains("Covered (margin call) 100"
                    + " NVDA"), prompt);
        }
    }

    @Test
    void aReScoringWithRulesThatDoNotValidateOrOfNoJobIsRefusedWithTheReasons() {
        assertEquals("unknown_job", given().contentType("application/json")
                .body(Map.of("rescore_of", "no-such-job", "rules", "none")).post("/simulate/trigger").then()
                .statusCode(400).extract().path("error"));
        String anyJob = given().get("/simulate/jobs").then().statusCode(200).extract().path("jobs[0].job_id");
        JsonPath invalid = given().contentType("application/json").body(Map.of("rescore_of", anyJob == null
                ? "no-such-job"
                : anyJob, "rules", Map.of("slippage_bps", -1, "settlement", "T2", "maintenance_margin_pct", 200)))
                .post("/simulate/trigger").then().statusCode(400).extract().jsonPath();
        if (anyJob != null) {
            assertEquals("invalid_rules", invalid.getString("error"), invalid::prettify);
            assertEquals(3, invalid.getList("details.problems").size(), invalid::prettify);
        }
        JsonPath stray = given().contentType("application/json").body(Map.of("rules", "realistic"))
                .post("/simulate/trigger").then().statusCode(400).extract().jsonPath();
        assertEquals("rules", stray.getString("details.field"));
    }

    @Test
    void aJobThatHasNotEndedCannotBeReScored() throws Exception {
        String id = "rules-not-ended-" + UUID.randomUUID();
        String now = Instant.now().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO jobs (job_id, status, config_path, config_json, date_range, models, work_key, created_at,"
                                + " updated_at) VALUES (?, 'pending', 'configs/rules_e2e.json', '{}', '[]', '[]', ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setString(3, now);
            insert.setString(4, now);
            insert.executeUpdate();
        }
        try {
            JsonPath refused = given().contentType("application/json").body(Map.of("rescore_of", id, "rules", "none"))
                    .post("/simulate/trigger").then().statusCode(400).extract().jsonPath();
            assertEquals("job_not_ended", refused.getString("error"), refused::prettify);
            assertEquals("rescore_of", refused.getString("details.field"));
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM jobs WHERE job_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static void assertDay(String model, String day, Books books) {
        JsonPath result = given().queryParam("date", day).queryParam("model", model).queryParam("detail", "full")
                .get("/results").then().statusCode(200).extract().jsonPath().setRootPath("results[0]");
        assertEquals(cents(books.cash), result.getDouble("positions.CASH"), model + " " + day + " cash");
        books.holdings.forEach((symbol, shares) -> assertEquals(shares.intValue(),
                result.getInt("positions." + symbol), model + " " + day + " " + symbol));
        assertEquals(cents(books.value(day)), result.getDouble("daily_pnl.portfolio_value"), model + " " + day);
        List<Books.Fill> fills = books.fills.get(day);
        assertEquals(fills.size(), result.getList("trades").size(), model + " " + day + " trades");
        for (int i = 0; i < fills.size(); i++) {
            Books.Fill fill = fills.get(i);
            String at = "trades[" + i + "].";
            assertEquals(fill.order().symbol(), result.getString(at + "symbol"));
            assertEquals(fill.fill().doubleValue(), result.getDouble(at + "fill_price"), model + " " + day + " fill");
            assertEquals(fill.notional().doubleValue(), result.getDouble(at + "total"), model + " " + day + " total");
            assertEquals(fill.commission().doubleValue(), result.getDouble(at + "commission"));
            assertEquals(fill.slippage().doubleValue(), result.getDouble(at + "slippage"));
        }
        assertEquals(cents(books.borrowFees.getOrDefault(day, BigDecimal.ZERO)),
                result.getDouble("costs.borrow_fee"), model + " " + day + " borrow fee");
    }

    /**
     * Buy-and-hold sizes its order to the rules (the most shares the cash buys with slippage and commission), and a
     * re-scoring runs it again rather than replaying that order: under none it buys ⌊cash / open⌋ of MSFT; under
     * realistic (25 % at most in one symbol), where the replayed order would be refused, the most that limit allows.
     */
    private static void assertBaselinesTradeAgain(SamplePriceFile prices, String jobId) {
        BigDecimal open = prices.open("MSFT", D1);
        BigDecimal fill = open.multiply(new BigDecimal("1.001")).setScale(4, RoundingMode.HALF_UP);
        long costly = 0;
        while (fill.multiply(BigDecimal.valueOf(costly + 1)).add(new BigDecimal("0.01").multiply(
                BigDecimal.valueOf(costly + 1)).max(BigDecimal.ONE)).compareTo(new BigDecimal("10000")) <= 0) {
            costly++;
        }
        assertEquals(costly, shares(BASELINE, D1, "MSFT"), "the most MSFT shares the rules let 10000 buy");
        long none = new BigDecimal("10000").divide(open, 0, RoundingMode.FLOOR).longValueExact();
        assertEquals(none, shares(BASELINE + "@none", D1, "MSFT"), "run again under none");

        String realistic = trigger(Map.of("rescore_of", jobId, "rules", "realistic", "models", List.of(BASELINE)))
                .then().statusCode(202).extract().path("job_id");
        assertEquals("completed", awaitEnd(realistic).getString("status"));
        // 5 bps slippage, commission 1.00 (0.005 a share, at least 1): the position may be 25 % of 10000 − 1.00
        BigDecimal realisticFill = open.multiply(new BigDecimal("1.0005")).setScale(4, RoundingMode.HALF_UP);
        long capped = new BigDecimal("2499.75").divide(realisticFill, 0, RoundingMode.FLOOR).longValueExact();
        assertTrue(capped > 0 && capped < costly, "the replayed order of " + costly + " shares would be refused");
        assertEquals(capped, shares(BASELINE + "@realistic", D1, "MSFT"), "sized to max_position_pct 25");
    }

    private static int shares(String model, String day, String symbol) {
        return given().queryParam("date", day).queryParam("model", model).get("/results").then().statusCode(200)
                .extract().path("results[0].positions." + symbol);
    }

    /** The dashboard's model-day view shows each trade's fill and costs, and the day's costs with the borrow fee. */
    private static void assertDashboardDay(Books costly) {
        String day = given().queryParam("model", GPT).queryParam("date", D3).get("/dashboard/fragments/day").then()
                .statusCode(200).extract().asString();
        assertTrue(day.contains("Trading costs"), day);
        assertTrue(day.contains("$2.00 commission"), day);
        String fee = String.format(Locale.ROOT, "$%.2f borrow fee", cents(costly.borrowFees.get(D3)));
        assertTrue(day.contains(fee), fee + " in " + day);
        assertTrue(day.contains("<th class=\"num\">Fill</th>"), day);
        String free = given().queryParam("model", GPT + "@none").queryParam("date", D3)
                .get("/dashboard/fragments/day").then().statusCode(200).extract().asString();
        assertTrue(!free.contains("Trading costs") && !free.contains(">Fill<"), "no costs to show under none");
    }

    /** The system prompt states the rules and the weekend's borrow fee; an order's tool result shows its costs. */
    private static void assertPrompts(OpenAiStandIn standIn, Books costly) {
        List<JsonNode> bodies = standIn.bodies();
        String first = bodies.get(0).path("messages").get(0).path("content").asText();
        assertTrue(first.contains("Commission per order: 0.01 per share, at least 1.00."), first);
        assertTrue(first.contains("Slippage: buys fill 10 bps above the day's open"), first);
        assertTrue(first.contains("Short selling is allowed"), first);
        String monday = bodies.stream().map(b -> b.path("messages").get(0).path("content").asText())
                .filter(p -> p.contains(SystemPrompt.DATE_LINE + D3)).findFirst().orElseThrow();
        String fee = costly.borrowFees.get(D3).stripTrailingZeros().toPlainString();
        assertTrue(monday.contains("borrow fee of " + fee), fee + " in " + monday);
        JsonNode toolResult = bodies.stream().flatMap(b -> StreamSupport
                .stream(b.path("messages").spliterator(), false)).filter(m -> m.path("role").asText().equals("tool"))
                .findFirst().orElseThrow();
        String content = toolResult.path("content").asText();
        assertTrue(content.contains("\"fill_price\"") && content.contains("\"commission\"")
                && content.contains("\"slippage\""), content);
    }

    private static void assertPerformance(Books costly, Books none) {
        JsonPath report = given().queryParam("start_date", D1).queryParam("end_date", D3).get("/performance").then()
                .statusCode(200).extract().jsonPath();
        String original = "models.find { it.model == '" + GPT + "' }.metrics.";
        String rescored = "models.find { it.model == '" + GPT + "@none' }.metrics.";
        assertEquals(cents(costly.commission), report.getDouble(original + "total_commission"));
        assertEquals(cents(costly.slippage), report.getDouble(original + "total_slippage"));
        assertEquals(cents(costly.borrowFees.get(D3)), report.getDouble(original + "total_borrow_fee"));
        assertEquals(costly.turnoverPct(DAYS), report.getDouble(original + "turnover_pct"), 1e-4);
        assertEquals(0.0, report.getDouble(rescored + "total_commission"));
        assertEquals(0.0, report.getDouble(rescored + "total_slippage"));
        assertEquals(none.turnoverPct(DAYS), report.getDouble(rescored + "turnover_pct"), 1e-4);
        assertEquals(cents(costly.value(D3)), report.getDouble(original + "ending_portfolio_value"));
        assertEquals(cents(none.value(D3)), report.getDouble(rescored + "ending_portfolio_value"));
    }

    static double cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Each day: the day's orders as tool calls, then finish; the summary request gets a sentence. */
    static Reply answer(Recorded request) {
        JsonNode body = request.json();
        JsonNode messages = body.path("messages");
        if (!body.has("tools")) {
            return Reply.ok(ChatJson.text("Traded the day's plan under the rules."));
        }
        if (!messages.get(messages.size() - 1).path("role").asText().equals("user")) {
            return Reply.ok(ChatJson.text("Done for today. " + SystemPrompt.FINISH_SIGNAL));
        }
        Matcher date = DATE.matcher(messages.get(0).path("content").asText());
        Map<String, List<Books.Order>> script = request.path().startsWith("/margin/") ? MARGIN_ORDERS : ORDERS;
        List<Books.Order> orders = date.find() ? script.getOrDefault(date.group(1), List.of()) : List.of();
        if (orders.isEmpty()) {
            return Reply.ok(ChatJson.text("Nothing to do today. " + SystemPrompt.FINISH_SIGNAL));
        }
        ChatJson.Call[] calls = new ChatJson.Call[orders.size()];
        for (int i = 0; i < calls.length; i++) {
            Books.Order o = orders.get(i);
            calls[i] = ChatJson.call("call_" + i, o.action(),
                    "{\"symbol\":\"" + o.symbol() + "\",\"amount\":" + o.amount() + "}");
        }
        return Reply.ok(ChatJson.tools("Placing today's orders.", calls));
    }
}
