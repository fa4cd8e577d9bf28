package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A crypto job end to end (contract 12): coins imported in Alpha Vantage's DIGITAL_CURRENCY_DAILY form ({@code "Meta
 * Data"."2. Digital Currency Code"} = BTC, {@code "4. Market Code"} = USD, {@code "Time Series (Digital Currency
 * Daily)"} rows "1. open" … "5. volume", prices with 8 decimals), a Friday, Saturday and Sunday all traded, and a
 * stand-in model that buys and sells fractions of a coin: 0.25 BTC, 1.5 ETH, a millionth of a BTC, and a ten-millionth
 * that is refused. The books are recomputed here: each notional is the fill price × the amount, rounded to 4 decimals
 * (the money scale of the ledger) up for a buy and down for a sell, and cash moves by it exactly.
 */
@QuarkusTest
class CryptoMarketJobTest {

    static final String D0 = "2025-06-05";
    static final String D1 = "2025-06-06"; // a Friday
    static final String D2 = "2025-06-07"; // Saturday
    static final String D3 = "2025-06-08"; // Sunday
    static final List<String> COINS = List.of("BTC", "ETH");
    /** Open and close per coin and day. */
    static final Map<String, Map<String, String[]>> BARS = Map.of(
            "BTC", Map.of(D0, bar("103500.00000000", "104000.50000000"), D1, bar("104123.45678901", "105000.00000001"),
                    D2, bar("105100.50000000", "104900.25000000"), D3, bar("104950.12500000", "106000.00000000")),
            "ETH", Map.of(D0, bar("2480.00000000", "2490.00000000"), D1, bar("2500.50000000", "2510.25000000"), D2,
                    bar("2505.00000000", "2490.75000000"), D3, bar("2492.00000000", "2520.50000000")));

    static final Map<String, List<DayOrders.Order>> ORDERS = Map.of(
            D1, List.of(new DayOrders.Order("buy", "BTC", "0.25"), new DayOrders.Order("buy", "BTC", "0.0000001"),
                    new DayOrders.Order("buy", "ETH", "1.5")),
            D2, List.of(new DayOrders.Order("sell", "BTC", "0.1")),
            D3, List.of(new DayOrders.Order("sell", "ETH", "1.5"), new DayOrders.Order("buy", "BTC", "0.000001")));

    @Inject
    @Storage
    DataSource dataSource;

    private static String[] bar(String open, String close) {
        return new String[]{open, close};
    }

    @Test
    void aCryptoJobTradesFractionsOfACoinEveryDayOfTheWeek() throws Exception {
        try {
            for (String coin : COINS) {
                given().contentType("application/json").queryParam("name", "crypto-e2e-" + coin + ".json")
                        .body(digitalCurrencyDaily(coin)).post("/prices/import").then().statusCode(200)
                        .body("rejected", equalTo(0));
            }
            try (OpenAiStandIn standIn = LlmStandInScript.started()) {
                standIn.otherwise(new DayOrders(ORDERS, "Traded fractions of coins today.")::answer);
                String jobId = trigger(Map.of("config_path", "configs/crypto_e2e.json", "start_date", D1,
                        "end_date", D3, "replace_existing", true)).then().statusCode(202).extract().path("job_id");
                JsonPath status = awaitEnd(jobId);
                assertEquals("completed", status.getString("status"), status::prettify);
                assertEquals(List.of(D1, D2, D3), status.getList("date_range"), "the weekend is traded");
                assertEquals("crypto", status.getString("rules.name"));
                assertEquals(6, status.getInt("rules.quantity_decimals"));

                assertBooks();
                String d1 = reasoning(jobId, D1);
                assertTrue(d1.contains("invalid_amount") && d1.contains("amount must be greater than 0 with at most 6"
                        + " decimals, got 0.0000001"), d1);
                // within the day cash is exact too: 50,000 − 26030.8642 (0.25 × 104123.45678901, rounded to 4)
                assertTrue(d1.contains("\\\"total\\\":26030.8642,\\\"positions\\\":{\\\"BTC\\\":0.25,"
                        + "\\\"CASH\\\":23969.1358}"), d1);
                assertWhatTheModelWasTold(standIn);
                assertPerformance();
                String day = given().accept("text/html").queryParam("model", "crypto-e2e-gpt").queryParam("date", D1)
                        .get("/dashboard/fragments/day").then().statusCode(200).extract().asString();
                assertTrue(day.contains(">0.25<") && day.contains(">1.5<") && day.contains("$104,123.46"), day);
            }
        } finally {
            deleteCoinPrices();
        }
    }

    /** Cash, holdings, trades and values of each day, from the orders and the bars alone. */
    private static void assertBooks() throws JsonProcessingException {
        BigDecimal cash = new BigDecimal("50000");
        Map<String, BigDecimal> held = new TreeMap<>();
        for (String day : List.of(D1, D2, D3)) {
            List<String> made = new ArrayList<>();
            for (DayOrders.Order order : ORDERS.get(day)) {
                BigDecimal amount = new BigDecimal(order.amount());
                if (amount.scale() > 6) {
                    continue; // refused: more than 6 decimals
                }
                BigDecimal open = new BigDecimal(BARS.get(order.symbol()).get(day)[0]);
                boolean buy = order.action().equals("buy");
                BigDecimal notional = open.multiply(amount).setScale(4,
                        buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
                cash = buy ? cash.subtract(notional) : cash.add(notional);
                held.merge(order.symbol(), buy ? amount : amount.negate(), BigDecimal::add);
                made.add(order.action() + " " + order.amount() + " " + order.symbol() + " " + notional);
            }
            held.values().removeIf(q -> q.signum() == 0);
            JsonNode result = exact(given().queryParam("date", day).queryParam("model", "crypto-e2e-gpt")
                    .queryParam("detail", "full").get("/results").then().statusCode(200).extract().asString())
                    .path("results").get(0);
            assertEquals("crypto", result.path("market").asText());
            assertEquals("USD", result.path("currency").asText());
            JsonNode positions = result.path("positions");
            assertEquals(0, cash.setScale(2, RoundingMode.HALF_UP).compareTo(positions.path("CASH").decimalValue()),
                    day + " cash, reported in cents: " + result);
            BigDecimal value = cash;
            for (Map.Entry<String, BigDecimal> h : held.entrySet()) {
                assertEquals(h.getValue().stripTrailingZeros().toPlainString(), positions.path(h.getKey()).toString(),
                        day + " " + h.getKey() + " is written exactly: " + result);
                value = value.add(new BigDecimal(BARS.get(h.getKey()).get(day)[1]).multiply(h.getValue()));
            }
            assertEquals(held.size() + 1, positions.size(), day + " positions: " + result);
            List<String> trades = new ArrayList<>();
            for (JsonNode t : result.path("trades")) {
                trades.add(t.path("action").asText() + " " + t.path("amount") + " " + t.path("symbol").asText() + " "
                        + t.path("total").decimalValue().setScale(4, RoundingMode.UNNECESSARY));
            }
            assertEquals(made, trades, day + " trades");
            assertEquals(0, value.setScale(2, RoundingMode.HALF_UP)
                    .compareTo(result.path("daily_pnl").path("portfolio_value").decimalValue()),
                    day + " value at the close: " + result);
        }
        assertEquals(new BigDecimal("34466.3308"), cash, "the books by hand agree with the arithmetic above");
    }

    /** The prompt states the market and fractional amounts, and the order tools take a number. */
    private static void assertWhatTheModelWasTold(OpenAiStandIn standIn) {
        JsonNode body = standIn.bodies().stream()
                .filter(b -> b.path("messages").get(0).path("content").asText().contains(SystemPrompt.DATE_LINE + D2))
                .findFirst().orElseThrow();
        String prompt = body.path("messages").get(0).path("content").asText();
        assertTrue(prompt.contains("crypto coins") && prompt.contains("Market: crypto.")
                && prompt.contains("Trading days: every calendar day (UTC)")
                && prompt.contains("Amounts are in USD ($)."), prompt);
        assertTrue(prompt.contains("an amount greater than 0 with at most 6 decimals (fractions such as 0.25 are"
                + " fine)"), prompt);
        assertTrue(prompt.contains("Current positions: {\"BTC\":0.25,\"ETH\":1.5,\"CASH\":20218.3858}"), prompt);
        for (JsonNode tool : body.path("tools")) {
            String name = tool.path("function").path("name").asText();
            if (name.equals("buy") || name.equals("sell")) {
                assertEquals("number", tool.path("function").path("parameters").path("properties").path("amount")
                        .path("type").asText(), name);
            }
        }
    }

    /** Crypto's ranking: against BTC bought to 6 decimals with 50,000 USD at D1's open. */
    private static void assertPerformance() throws JsonProcessingException {
        String body = given().queryParam("market", "crypto").queryParam("start_date", D1).queryParam("end_date", D3)
                .get("/performance").then().statusCode(200).extract().asString();
        JsonPath crypto = JsonPath.from(body);
        assertEquals("crypto", crypto.getString("market"));
        assertEquals("BTC", crypto.getString("benchmark.symbol"));
        assertEquals(50_000.0, crypto.getDouble("initial_cash"));
        BigDecimal shares = new BigDecimal("50000").divide(new BigDecimal(BARS.get("BTC").get(D1)[0]), 6,
                RoundingMode.FLOOR);
        assertEquals("0.480199", shares.toPlainString());
        assertEquals(shares.toPlainString(), exact(body).path("benchmark").path("shares").toString());
        assertTrue(crypto.getList("models.model").contains("crypto-e2e-gpt"), crypto.prettify());
    }

    /** A response body with its numbers as they were written (rest-assured's JsonPath reads them as floats). */
    private static JsonNode exact(String body) throws JsonProcessingException {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
    }

    private static String reasoning(String jobId, String day) {
        return given().queryParam("job_id", jobId).queryParam("date", day).queryParam("model", "crypto-e2e-gpt")
                .queryParam("full", "true").get("/reasoning").then().statusCode(200).extract().asString();
    }

    /** One coin's bars as Alpha Vantage's DIGITAL_CURRENCY_DAILY answers them (market=USD). */
    private static String digitalCurrencyDaily(String coin) throws JsonProcessingException {
        Map<String, Object> series = new LinkedHashMap<>();
        BARS.get(coin).forEach((day, oc) -> series.put(day, Map.of("1. open", oc[0], "2. high", oc[1], "3. low",
                oc[0], "4. close", oc[1], "5. volume", "1234.56789012")));
        Map<String, Object> meta = Map.of("1. Information", "Daily Prices and Volumes for Digital Currency",
                "2. Digital Currency Code", coin, "3. Digital Currency Name", coin, "4. Market Code", "USD",
                "5. Market Name", "United States Dollar", "6. Last Refreshed", D3, "7. Time Zone", "UTC");
        return new ObjectMapper()
                .writeValueAsString(Map.of("Meta Data", meta, "Time Series (Digital Currency Daily)", series));
    }

    /** The tests that download coins expect a store without them (they share the database under PostgreSQL). */
    private void deleteCoinPrices() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM price_data WHERE symbol = ?")) {
            for (String coin : COINS) {
                ps.setString(1, coin);
                ps.executeUpdate();
            }
        }
    }
}
