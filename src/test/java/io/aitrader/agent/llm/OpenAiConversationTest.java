package io.aitrader.agent.llm;

import static io.aitrader.agent.llm.ChatJson.call;
import static io.aitrader.agent.llm.ChatJson.objectCall;
import static io.aitrader.agent.llm.ChatJson.text;
import static io.aitrader.agent.llm.ChatJson.tools;
import static io.aitrader.agent.llm.OpenAiStandIn.Reply.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TradingSession;

/** Whole conversations through the real OpenAI client and HTTP against the stand-in. */
class OpenAiConversationTest {

    private final OpenAiStandIn standIn = OpenAiStandIn.start();
    private final LlmTesting llm = new LlmTesting(10, 2, 10);
    private final TradingSession session = llm.session();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static List<ConversationMessage> toolMessages(DayTranscript transcript) {
        return transcript.messages().stream().filter(m -> m.role().equals("tool")).toList();
    }

    @Test
    void objectAndStringArgumentsAreBothUnderstoodAndTheModelWritesTheSummary() throws Exception {
        standIn.then(ok(tools("Buying Apple.", objectCall("c1", "buy", "{\"symbol\":\"AAPL\",\"amount\":10}"))),
                ok(tools(null, call("c2", "sell", "\"{\\\"symbol\\\":\\\"aapl\\\",\\\"amount\\\":\\\"4\\\"}\""))),
                ok(text("All set. " + SystemPrompt.FINISH_SIGNAL)),
                ok(text("Bought 10 AAPL at the open and sold 4 of them again.")));

        DayTranscript day = llm.trader(standIn).tradeDay(session);

        assertEquals(BigDecimal.valueOf(6), session.ledger().current().shares("AAPL"));
        assertEquals(3, day.totalSteps());
        assertTrue(day.stopSignalReceived());
        assertEquals("Bought 10 AAPL at the open and sold 4 of them again.", day.summary());
        assertEquals(Map.of("buy", 1, "sell", 1), day.toolUsage());
        assertEquals(4, standIn.requests.size(), "three steps and one summary call");
        assertTrue(toolMessages(day).get(0).toolResult().contains("\"filled\""));
        assertEquals("{\"symbol\":\"AAPL\",\"amount\":10}", toolMessages(day).get(0).toolArguments());
        ConversationMessage answer = day.messages().get(2);
        assertEquals("assistant", answer.role());
        assertEquals(120, answer.inputTokens());
        assertEquals(30, answer.outputTokens());
        JsonNode summaryRequest = standIn.bodies().get(3);
        assertFalse(summaryRequest.has("tools"), "the summary call offers no tools");
        assertTrue(summaryRequest.toString().contains("Bought 10 AAPL at 255.88, sold 4 AAPL at 255.88"));
    }

    @Test
    void requestsCarryTheDatePositionsPricesAndToolsAndTheKeyOnlyInTheAuthorizationHeader() throws Exception {
        standIn.then(ok(text("Nothing to do. " + SystemPrompt.FINISH_SIGNAL)), ok(text("No trades were made.")));

        llm.trader(standIn).tradeDay(session);

        OpenAiStandIn.Recorded first = standIn.requests.get(0);
        assertEquals("POST", first.method());
        assertEquals("/v1/chat/completions", first.path());
        assertEquals("Bearer " + LlmTesting.KEY, first.header("Authorization"));
        for (OpenAiStandIn.Recorded request : standIn.requests) {
            assertFalse(request.body().contains(LlmTesting.KEY), "the key never travels in a body");
            request.headers().forEach((name, values) -> assertTrue(name.equalsIgnoreCase("Authorization")
                    || values.stream().noneMatch(v -> v.contains(LlmTesting.KEY)), name));
        }
        JsonNode body = first.json();
        assertEquals("gpt-test", body.path("model").asText());
        String system = body.path("messages").get(0).path("content").asText();
        assertEquals("system", body.path("messages").get(0).path("role").asText());
        assertTrue(system.contains("Today's date: 2025-10-01"), system);
        assertTrue(system.contains("Current positions: {\"CASH\":10000}"), system);
        assertTrue(system.contains("AAPL,254.63,255.88"), "previous close and today's open: " + system);
        assertFalse(system.contains("257.11"), "today's close is never shown");
        assertEquals("user", body.path("messages").get(1).path("role").asText());
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(t -> names.add(t.path("function").path("name").asText()));
        assertEquals(List.of("get_price_local", "buy", "sell", "add", "multiply"), names);
        JsonNode buy = body.path("tools").get(1).path("function").path("parameters");
        assertEquals("integer", buy.path("properties").path("amount").path("type").asText());
    }

    @Test
    void parallelToolCallsAllRunAndAllResultsGoBackInOrder() throws Exception {
        standIn.then(ok(tools("Three things at once.",
                call("p1", "get_price_local", "{\"symbol\":\"MSFT\",\"date\":\"2025-09-30\"}"),
                call("p2", "buy", "{\"symbol\":\"MSFT\",\"amount\":2}"),
                call("p3", "multiply", "{\"a\":\"2\",\"b\":506}"))),
                ok(text(SystemPrompt.FINISH_SIGNAL)), ok(text("Bought 2 MSFT.")));

        DayTranscript day = llm.trader(standIn).tradeDay(session);

        assertEquals(BigDecimal.valueOf(2), session.ledger().current().shares("MSFT"));
        JsonNode second = standIn.bodies().get(1).path("messages");
        List<String> ids = new ArrayList<>();
        second.forEach(m -> {
            if (m.path("role").asText().equals("tool")) {
                ids.add(m.path("tool_call_id").asText());
            }
        });
        assertEquals(List.of("p1", "p2", "p3"), ids);
        assertTrue(second.get(2).path("tool_calls").size() == 3, "the assistant's three calls are sent back");
        assertTrue(toolMessages(day).get(2).toolResult().contains("1012"));
        assertEquals(Map.of("buy", 1, "get_price_local", 1, "multiply", 1), day.toolUsage());
    }

    @Test
    void unknownToolsUnknownSymbolsAndGarbledArgumentsBecomeToolErrors() throws Exception {
        standIn.then(ok(tools(null, call("u1", "short_sell", "{\"symbol\":\"AAPL\",\"amount\":1}"),
                call("u2", "buy", "{\"symbol\":\"ZZZZ\",\"amount\":3}"),
                call("u3", "buy", "{symbol: AAPL, amount"))),
                ok(text("Let me think.")),
                ok(tools(SystemPrompt.FINISH_SIGNAL, call("u4", "buy", "{\"symbol\":\"NVDA\",\"amount\":1}"))),
                ok(text("Bought 1 NVDA after two refused orders.")));

        DayTranscript day = llm.trader(standIn).tradeDay(session);

        List<ConversationMessage> results = toolMessages(day);
        assertTrue(results.get(0).toolResult().contains("\"unknown_tool\""));
        assertTrue(results.get(1).toolResult().contains("\"unknown_symbol\""));
        assertTrue(results.get(2).toolResult().contains("\"invalid_arguments\""), results.get(2).toolResult());
        assertEquals("{symbol: AAPL, amount", results.get(2).toolArguments());
        JsonNode nudge = standIn.bodies().get(2).path("messages").get(7);
        assertEquals("user", nudge.path("role").asText());
        assertTrue(nudge.path("content").asText().startsWith("You have not finished"),
                "an answer without tools or the signal gets the next step: " + nudge);
        assertTrue(results.get(3).toolResult().contains("\"filled\""), "the final call next to the signal runs");
        assertEquals(BigDecimal.valueOf(1), session.ledger().current().shares("NVDA"));
        assertEquals(3, day.totalSteps());
        assertTrue(day.stopSignalReceived());
        assertEquals(4, standIn.requests.size());
    }

    @Test
    void maxStepsEndsTheDayWithoutTheSignal() throws Exception {
        LlmTesting short3 = new LlmTesting(3, 0, 10);
        standIn.otherwise(r -> r.json().has("tools")
                ? ok(tools("Adding.", call("m", "add", "{\"a\":1,\"b\":2}")))
                : ok(text("I only added numbers today; no trades were made.")));

        DayTranscript day = short3.trader(standIn).tradeDay(short3.session());

        assertEquals(3, day.totalSteps());
        assertFalse(day.stopSignalReceived());
        assertEquals(4, standIn.requests.size());
        assertEquals(Map.of("add", 3), day.toolUsage());
        assertEquals("I only added numbers today; no trades were made.", day.summary());
    }

    @Test
    void aSummaryThatMissesATradeGetsTheTradesAppendedAndAFailedOneFallsBack() throws Exception {
        standIn.then(ok(tools(SystemPrompt.FINISH_SIGNAL, call("b", "buy", "{\"symbol\":\"NVDA\",\"amount\":2}"))),
                ok(text("A quiet day.")));
        DayTranscript day = llm.trader(standIn).tradeDay(session);
        assertEquals("A quiet day. Trades: Bought 2 NVDA at 181.02.", day.summary());

        TradingSession again = llm.session();
        standIn.then(ok(tools(SystemPrompt.FINISH_SIGNAL, call("b", "buy", "{\"symbol\":\"NVDA\",\"amount\":2}"))),
                OpenAiStandIn.Reply.error(400, "summaries are not allowed"));
        assertEquals("Bought 2 NVDA at 181.02", llm.trader(standIn).tradeDay(again).summary());
    }
}
