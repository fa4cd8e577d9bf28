package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.trading.Trade;

class TradingToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TradingSession session = TestSessions.today(10);
    private final TradingTools tools = new TradingTools(session);

    private JsonNode run(String name, String arguments) throws Exception {
        return JSON.readTree(tools.execute(name, arguments));
    }

    @Test
    void buyWithObjectArgumentsFillsAtTheOpenAndShowsThePositions() throws Exception {
        JsonNode result = run("buy", "{\"symbol\":\"AAPL\",\"amount\":10}");

        assertEquals("filled", result.path("status").asText());
        assertEquals(0, new BigDecimal("255.88").compareTo(result.path("price").decimalValue()));
        assertEquals(10, result.path("positions").path("AAPL").asLong());
        assertEquals(0, new BigDecimal("7441.2").compareTo(result.path("positions").path("CASH").decimalValue()));
        assertEquals(
                List.of(new Trade(1, "buy", "AAPL", BigDecimal.valueOf(10), new BigDecimal("255.88"),
                        new BigDecimal("2558.80"))),
                session.ledger().trades());
    }

    @Test
    void argumentsMayBeAJsonStringHoldingTheObject() throws Exception {
        JsonNode result = run("buy", "\"{\\\"symbol\\\":\\\"NVDA\\\",\\\"amount\\\":5}\"");

        assertEquals("filled", result.path("status").asText(), result.toString());
        assertEquals(BigDecimal.valueOf(5), session.ledger().current().shares("NVDA"));
    }

    @Test
    void numbersMayComeAsStringsAndWholeDecimals() throws Exception {
        assertEquals("filled", run("buy", "{\"symbol\":\"aapl\",\"amount\":\"10\"}").path("status").asText());
        assertEquals("filled", run("buy", "{\"symbol\":\"AAPL\",\"amount\":2.0}").path("status").asText());
        assertEquals("filled", run("sell", "{\"symbol\":\"AAPL\",\"amount\":\"3.00\"}").path("status").asText());
        assertEquals(BigDecimal.valueOf(9), session.ledger().current().shares("AAPL"));
        assertEquals(0, new BigDecimal("3.5").compareTo(run("add", "{\"a\":\"1.5\",\"b\":2}").path("result")
                .decimalValue()));
        assertEquals(0, new BigDecimal("2558.8").compareTo(run("multiply", "{\"a\":255.88,\"b\":\"10\"}")
                .path("result").decimalValue()));
    }

    @Test
    void fractionalZeroNegativeOrTextAmountsAreInvalid() throws Exception {
        for (String amount : List.of("10.5", "0", "-3", "\"ten\"", "\"2.5\"", "1e40")) {
            JsonNode result = run("buy", "{\"symbol\":\"AAPL\",\"amount\":" + amount + "}");
            assertEquals("invalid_amount", result.path("error").asText(), amount + " -> " + result);
        }
        assertTrue(session.ledger().trades().isEmpty());
    }

    @Test
    void badArgumentsAndUnknownToolsBecomeErrorMessages() throws Exception {
        assertEquals("invalid_arguments", run("buy", "{not json").path("error").asText());
        assertEquals("invalid_arguments", run("buy", "[1, 2]").path("error").asText());
        assertEquals("invalid_arguments", run("buy", "\"just text\"").path("error").asText());
        assertEquals("missing_argument", run("buy", "{\"symbol\":\"AAPL\"}").path("error").asText());
        assertEquals("missing_argument", run("get_price_local", "").path("error").asText());
        assertEquals("invalid_number", run("add", "{\"a\":\"x\",\"b\":1}").path("error").asText());
        assertEquals("invalid_number", run("multiply", "{\"a\":\"1e999999999\",\"b\":2}").path("error").asText());
        assertEquals("invalid_date", run("get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"yesterday\"}")
                .path("error").asText());
        JsonNode unknown = run("sell_everything", "{}");
        assertEquals("unknown_tool", unknown.path("error").asText());
        assertTrue(unknown.path("message").asText().contains("get_price_local"));
        assertEquals("unknown_tool", run(null, "{}").path("error").asText());
    }

    @Test
    void refusedOrdersSayWhyAndChangeNothing() throws Exception {
        JsonNode unknown = run("buy", "{\"symbol\":\"ZZZZ\",\"amount\":1}");
        assertEquals("unknown_symbol", unknown.path("error").asText());
        assertTrue(unknown.path("message").asText().contains("ZZZZ"));

        JsonNode cash = run("buy", "{\"symbol\":\"MSFT\",\"amount\":1000}");
        assertEquals("insufficient_cash", cash.path("error").asText());
        assertTrue(cash.path("message").asText().contains("506000"), cash.toString());
        assertEquals(0, new BigDecimal("10000").compareTo(cash.path("positions").path("CASH").decimalValue()));

        assertEquals("insufficient_shares", run("sell", "{\"symbol\":\"NVDA\",\"amount\":1}").path("error").asText());
        assertTrue(session.ledger().trades().isEmpty());
    }

    @Test
    void pricesOfTodayShowOnlyTheOpenAndLaterDatesAreRefused() throws Exception {
        JsonNode today = run("get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-10-01\"}");
        assertEquals(0, new BigDecimal("255.88").compareTo(today.path("open").decimalValue()));
        assertFalse(today.has("close"), today.toString());
        assertFalse(today.toString().contains("257.11"), "today's close must stay hidden: " + today);

        JsonNode past = run("get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-09-30\"}");
        assertEquals(0, new BigDecimal("250").compareTo(past.path("open").decimalValue()));
        assertEquals(0, new BigDecimal("254.63").compareTo(past.path("close").decimalValue()));

        JsonNode future = run("get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-10-02\"}");
        assertEquals("look_ahead", future.path("error").asText());
        assertFalse(future.toString().contains("260"), future.toString());

        assertEquals("no_price", run("get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-09-27\"}")
                .path("error").asText());
        assertEquals("unknown_symbol", run("get_price_local", "{\"symbol\":\"ZZZZ\",\"date\":\"2025-09-30\"}")
                .path("error").asText());
        assertEquals(0, new BigDecimal("595").compareTo(run("get_price_local",
                "{\"symbol\":\"QQQ\",\"date\":\"2025-09-30\"}").path("close").decimalValue()), "benchmark is priced");
    }

    @Test
    void theToolsAreDescribedWithTheirRequiredArguments() {
        assertEquals(List.of("get_price_local", "buy", "sell", "add", "multiply"),
                tools.specifications().stream().map(spec -> spec.name()).toList());
        assertEquals(List.of("symbol", "amount"), tools.specifications().get(1).parameters().required());
    }
}
