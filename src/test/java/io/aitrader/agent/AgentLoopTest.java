package io.aitrader.agent;

import static io.aitrader.agent.ScriptedChatModel.call;
import static io.aitrader.agent.ScriptedChatModel.calls;
import static io.aitrader.agent.ScriptedChatModel.finish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.Portfolio;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

class AgentLoopTest {

    private final TradingSession session = TestSessions.today(10);

    private static List<ConversationMessage> tools(DayTranscript transcript) {
        return transcript.messages().stream().filter(m -> m.role().equals("tool")).toList();
    }

    @Test
    void runsToolCallsUntilTheFinishSignal() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(
                calls(call("c1", "buy", "{\"symbol\":\"AAPL\",\"amount\":10}")),
                calls(call("c2", "sell", "\"{\\\"symbol\\\":\\\"AAPL\\\",\\\"amount\\\":\\\"4\\\"}\"")), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertEquals(3, transcript.totalSteps());
        assertTrue(transcript.stopSignalReceived());
        assertEquals(BigDecimal.valueOf(6), session.ledger().current().shares("AAPL"));
        assertEquals("Bought 10 AAPL at 255.88, sold 4 AAPL at 255.88", transcript.summary());
        assertEquals(Map.of("buy", 1, "sell", 1), transcript.toolUsage());
        assertEquals(3, model.requests.size());
        assertEquals(5, model.requests.get(0).toolSpecifications().size());
    }

    @Test
    void recordsEveryMessageInOrderWithToolDetailsAndTokens() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(
                AiMessage.from("Checking prices.", List.of(call("c1", "get_price_local",
                        "{\"symbol\":\"NVDA\",\"date\":\"2025-10-01\"}"))),
                calls(call("c2", "buy", "{\"symbol\":\"NVDA\",\"amount\":5}")), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        List<ConversationMessage> messages = transcript.messages();
        assertEquals(List.of("system", "user", "assistant", "tool", "assistant", "tool", "assistant"),
                messages.stream().map(ConversationMessage::role).toList());
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(i + 1, messages.get(i).seq());
            assertTrue(messages.get(i).timestamp() != null);
        }
        assertTrue(messages.get(0).content().contains("2025-10-01"));
        assertEquals("Checking prices.", messages.get(2).content());
        assertEquals(101, messages.get(2).inputTokens());
        assertEquals(20, messages.get(2).outputTokens());
        ConversationMessage price = messages.get(3);
        assertEquals("get_price_local", price.toolName());
        assertEquals("{\"symbol\":\"NVDA\",\"date\":\"2025-10-01\"}", price.toolArguments());
        assertTrue(price.toolResult().contains("181.02"), price.toolResult());
        assertNull(price.inputTokens());
        assertEquals("buy", messages.get(5).toolName());
        assertTrue(messages.get(5).toolResult().contains("\"filled\""));
        assertTrue(messages.get(6).content().contains(SystemPrompt.FINISH_SIGNAL));
        assertEquals(Map.of("buy", 1, "get_price_local", 1), transcript.toolUsage());
        assertEquals("Bought 5 NVDA at 181.02", transcript.summary());
    }

    @Test
    void parallelToolCallsRunInOrderAndAllResultsGoBackToTheModel() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(calls(
                call("p1", "get_price_local", "{\"symbol\":\"MSFT\",\"date\":\"2025-09-30\"}"),
                call("p2", "buy", "{\"symbol\":\"MSFT\",\"amount\":19}"),
                call("p3", "buy", "{\"symbol\":\"NVDA\",\"amount\":3}")), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertEquals(List.of("get_price_local", "buy", "buy"), tools(transcript).stream()
                .map(ConversationMessage::toolName).toList());
        assertTrue(tools(transcript).get(2).toolResult().contains("insufficient_cash"),
                "the third order sees the cash the second one used: " + tools(transcript).get(2).toolResult());
        List<ChatMessage> second = model.requests.get(1).messages();
        List<ToolExecutionResultMessage> results = second.stream().filter(ToolExecutionResultMessage.class::isInstance)
                .map(ToolExecutionResultMessage.class::cast).toList();
        assertEquals(List.of("p1", "p2", "p3"), results.stream().map(ToolExecutionResultMessage::id).toList());
        assertEquals(List.of("get_price_local", "buy", "buy"),
                results.stream().map(ToolExecutionResultMessage::toolName).toList());
        assertEquals(Map.of("buy", 2, "get_price_local", 1), transcript.toolUsage());
    }

    @Test
    void unknownToolsAndUnknownSymbolsAreAnsweredAndTheLoopContinues() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(
                calls(call("u1", "short_sell", "{\"symbol\":\"AAPL\",\"amount\":1}")),
                calls(call("u2", "buy", "{\"symbol\":\"ZZZZ\",\"amount\":3}")),
                calls(call("u3", "buy", "{\"symbol\":\"AAPL\",\"amount\":1}")), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertEquals(4, transcript.totalSteps());
        assertTrue(tools(transcript).get(0).toolResult().contains("\"unknown_tool\""));
        assertTrue(tools(transcript).get(1).toolResult().contains("\"unknown_symbol\""));
        assertTrue(tools(transcript).get(1).toolResult().contains("ZZZZ"));
        assertEquals(Map.of("buy", 2, "short_sell", 1), transcript.toolUsage());
        assertEquals("Bought 1 AAPL at 255.88", transcript.summary());
    }

    @Test
    void aFinishSignalNextToToolCallsRunsThemThenStops() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(AiMessage.from(
                "Buying and finishing. " + SystemPrompt.FINISH_SIGNAL,
                List.of(call("f1", "buy", "{\"symbol\":\"AAPL\",\"amount\":2}"))));

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertEquals(1, transcript.totalSteps());
        assertTrue(transcript.stopSignalReceived());
        assertEquals(1, model.requests.size());
        assertTrue(tools(transcript).get(0).toolResult().contains("\"filled\""));
        assertEquals(BigDecimal.valueOf(2), session.ledger().current().shares("AAPL"));
    }

    @Test
    void anAnswerWithoutToolsOrSignalGetsANudgeAndAnotherStep() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(AiMessage.from("Let me think about it."), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertEquals(2, transcript.totalSteps());
        assertTrue(transcript.stopSignalReceived());
        assertEquals(List.of("system", "user", "assistant", "user", "assistant"),
                transcript.messages().stream().map(ConversationMessage::role).toList());
        assertEquals(SystemPrompt.NUDGE, transcript.messages().get(3).content());
        assertTrue(model.requests.get(1).messages().get(3).toString().contains(SystemPrompt.FINISH_SIGNAL));
        assertEquals("No trades", transcript.summary());
    }

    @Test
    void stopsAfterMaxStepsWithoutTheSignal() throws Exception {
        TradingSession short3 = TestSessions.today(3);
        ScriptedChatModel model = ScriptedChatModel
                .always(calls(call("m", "add", "{\"a\":1,\"b\":2}")));

        DayTranscript transcript = new AgentLoop(model).tradeDay(short3);

        assertEquals(3, transcript.totalSteps());
        assertFalse(transcript.stopSignalReceived());
        assertEquals(3, model.requests.size());
        assertEquals(Map.of("add", 3), transcript.toolUsage());
        assertTrue(tools(transcript).get(2).toolResult().contains("3"));
    }

    @Test
    void lookAheadIsRefusedThroughTheLoop() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.answering(calls(
                call("l1", "get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-10-02\"}"),
                call("l2", "get_price_local", "{\"symbol\":\"AAPL\",\"date\":\"2025-10-01\"}")), finish());

        DayTranscript transcript = new AgentLoop(model).tradeDay(session);

        assertTrue(tools(transcript).get(0).toolResult().contains("\"look_ahead\""));
        String today = tools(transcript).get(1).toolResult();
        assertTrue(today.contains("255.88") && !today.contains("257.11") && !today.contains("close"), today);
    }

    @Test
    void modelFailuresBecomeTraderExceptionsWithoutTheKey() {
        String key = "sk-proj-SECRET1234567890";
        ChatModel failing = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                throw new IllegalStateException("401 Incorrect API key provided: " + key + " (Authorization: Bearer "
                        + key + ")");
            }
        };
        ModelCaller caller = ModelCaller.of(failing, key);

        TraderException error = assertThrows(TraderException.class, () -> new AgentLoop(caller).tradeDay(session));

        assertTrue(error.getMessage().startsWith("model call failed: 401"), error.getMessage());
        assertFalse(error.getMessage().contains("SECRET"), error.getMessage());
        assertFalse(ModelCaller.safeMessage(new RuntimeException("bad key sk-abcdef123456"), null).contains("abcdef"));
    }

    @Test
    void aCancelledSessionStopsBeforeTheNextModelCall() {
        AtomicBoolean cancelled = new AtomicBoolean();
        TradingSession cancellable = TestSessions.session(TestSessions.spec("c", Map.of()), 10, TestSessions.TODAY,
                TestSessions.YESTERDAY, Portfolio.cashOnly(new BigDecimal("10000")), TestSessions.PRICES,
                TestSessions.UNIVERSE, cancelled);
        int[] calls = {0};
        ModelCaller caller = request -> {
            calls[0]++;
            cancelled.set(true);
            return ChatResponse.builder()
                    .aiMessage(calls(call("x", "add", "{\"a\":1,\"b\":1}"))).build();
        };

        assertThrows(TraderCancelledException.class, () -> new AgentLoop(caller).tradeDay(cancellable));
        assertEquals(1, calls[0]);
    }
}
