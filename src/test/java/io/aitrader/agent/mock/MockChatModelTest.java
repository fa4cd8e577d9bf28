package io.aitrader.agent.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.AgentLoop;
import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TestSessions;
import io.aitrader.agent.TraderException;
import io.aitrader.agent.TradingSession;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.PriceTable;
import io.aitrader.trading.Trade;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

class MockChatModelTest {

    private static final List<String> UNIVERSE = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META");
    private static final List<LocalDate> DAYS = TestSessions.weekdays(LocalDate.parse("2025-10-01"), 12);
    private static final PriceTable MARKET = TestSessions.market(UNIVERSE, DAYS);

    /** One model-day's outcome without timestamps, for comparing runs. */
    private record Day(DayTranscript transcript, List<Trade> trades, Portfolio end) {

        List<String> comparable() {
            return transcript.messages().stream().map(m -> String.join("|", m.role(), String.valueOf(m.content()),
                    String.valueOf(m.toolName()), String.valueOf(m.toolArguments()), String.valueOf(m.toolResult()),
                    String.valueOf(m.inputTokens()), String.valueOf(m.outputTokens()))).toList();
        }
    }

    private static Day runDay(MockChatModel model, int index, Portfolio start) throws TraderException {
        TradingSession session = TestSessions.session(TestSessions.spec("mock-trader", Map.of()), 30, DAYS.get(index),
                index == 0 ? null : DAYS.get(index - 1), start, MARKET, UNIVERSE, new AtomicBoolean());
        DayTranscript transcript = new AgentLoop(model).tradeDay(session);
        return new Day(transcript, session.ledger().trades(), session.ledger().current());
    }

    private static List<Day> runDays(MockChatModel model) throws TraderException {
        List<Day> days = new ArrayList<>();
        Portfolio portfolio = Portfolio.cashOnly(new BigDecimal("10000"));
        for (int i = 0; i < DAYS.size(); i++) {
            Day day = runDay(model, i, portfolio);
            days.add(day);
            portfolio = day.end();
        }
        return days;
    }

    @Test
    void theSameDayTwiceGivesTheSameTranscriptAndTrades() throws Exception {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("10000"));

        Day first = runDay(new MockChatModel(42, UNIVERSE, 0), 3, start);
        Day second = runDay(new MockChatModel(42, UNIVERSE, 0), 3, start);

        assertEquals(first.comparable(), second.comparable());
        assertEquals(first.trades(), second.trades());
        assertEquals(first.transcript().summary(), second.transcript().summary());
        assertNotEquals(first.comparable(), runDay(new MockChatModel(7, UNIVERSE, 0), 3, start).comparable(),
                "another seed trades differently");
    }

    @Test
    void tradesOverSeveralDaysThroughRealToolCallsAndAlwaysFinishes() throws Exception {
        List<Day> days = runDays(new MockChatModel(42, UNIVERSE, 0));

        for (Day day : days) {
            DayTranscript transcript = day.transcript();
            assertTrue(transcript.stopSignalReceived(), transcript.summary());
            List<ConversationMessage> messages = transcript.messages();
            assertTrue(messages.get(messages.size() - 1).content().contains(SystemPrompt.FINISH_SIGNAL));
            int lookups = transcript.toolUsage().getOrDefault("get_price_local", 0);
            assertTrue(lookups >= 2 && lookups <= 3, "2-3 price lookups a day: " + transcript.toolUsage());
            assertTrue(messages.stream().filter(m -> "get_price_local".equals(m.toolName()))
                    .allMatch(m -> m.toolResult().contains("\"open\"")), "lookups are for real universe symbols");
        }
        long trades = days.stream().mapToLong(day -> day.trades().size()).sum();
        assertTrue(trades >= 3, "the mock trades on most days: " + trades);
        assertTrue(days.stream().flatMap(day -> day.trades().stream()).anyMatch(t -> t.action().equals("sell")),
                "it sells part of a holding on some days");
        assertTrue(days.stream().allMatch(day -> day.transcript().summary().equals(
                io.aitrader.agent.TradeSummary.of(day.trades()))));
    }

    @Test
    void someDaysMakeARefusedCallAndReactToIt() throws Exception {
        List<Day> days = runDays(new MockChatModel(42, UNIVERSE, 0));

        List<Day> refused = days.stream().filter(day -> day.transcript().messages().stream()
                .anyMatch(m -> m.role().equals("tool") && m.toolResult().contains("\"error\""))).toList();
        assertTrue(!refused.isEmpty() && refused.size() < days.size(), "some days, not all: " + refused.size());
        for (Day day : refused) {
            List<ConversationMessage> messages = day.transcript().messages();
            int refusal = indexOf(messages, m -> m.role().equals("tool") && m.toolResult().contains("\"error\""));
            ConversationMessage reaction = messages.get(refusal + 1);
            assertEquals("assistant", reaction.role());
            assertTrue(reaction.content().contains("refused"), reaction.content());
            assertTrue(day.transcript().stopSignalReceived());
        }
    }

    @Test
    void answersCarryToolCallIdsArgumentsAndTokenUsage() {
        MockChatModel model = new MockChatModel(1, UNIVERSE, 0);
        TradingSession session = TestSessions.session(TestSessions.spec("m", Map.of()), 30, DAYS.get(1), DAYS.get(0),
                Portfolio.cashOnly(new BigDecimal("10000")), MARKET, UNIVERSE, new AtomicBoolean());
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(SystemPrompt.build(session)),
                UserMessage.from(SystemPrompt.firstUserMessage(session))).build();

        ChatResponse response = model.chat(request);

        AiMessage answer = response.aiMessage();
        assertTrue(answer.hasToolExecutionRequests());
        answer.toolExecutionRequests().forEach(call -> {
            assertTrue(call.id().startsWith("call_"), call.id());
            assertEquals("get_price_local", call.name());
            assertTrue(call.arguments().contains("\"date\":\"" + DAYS.get(1) + "\""), call.arguments());
        });
        assertTrue(response.tokenUsage().inputTokenCount() > 100);
        assertTrue(response.tokenUsage().outputTokenCount() > 0);
    }

    @Test
    void latencyMsDelaysEveryCall() {
        MockChatModel slow = MockChatModel.from(TestSessions.spec("slow", Map.of("latency_ms", 60)), UNIVERSE);
        TradingSession session = TestSessions.session(TestSessions.spec("slow", Map.of()), 30, DAYS.get(0), null,
                Portfolio.cashOnly(new BigDecimal("10000")), MARKET, UNIVERSE, new AtomicBoolean());
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(SystemPrompt.build(session)),
                UserMessage.from(SystemPrompt.firstUserMessage(session))).build();

        long started = System.nanoTime();
        slow.chat(request);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMs >= 60, "took " + elapsedMs + " ms");
    }

    @Test
    void optionsComeFromTheModelSpec() throws Exception {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("10000"));
        MockChatModel seeded = MockChatModel.from(TestSessions.spec("a", Map.of("seed", 42)), UNIVERSE);
        assertEquals(runDay(new MockChatModel(42, UNIVERSE, 0), 2, start).comparable(),
                runDay(seeded, 2, start).comparable());
        MockChatModel bySignature = MockChatModel.from(TestSessions.spec("mock-trader", Map.of()), UNIVERSE);
        assertEquals(runDay(new MockChatModel("mock-trader".hashCode(), UNIVERSE, 0), 2, start).comparable(),
                runDay(bySignature, 2, start).comparable());
        assertThrows(IllegalArgumentException.class,
                () -> MockChatModel.from(TestSessions.spec("a", Map.of("latency_ms", "fast")), UNIVERSE));
        assertThrows(IllegalArgumentException.class,
                () -> MockChatModel.from(TestSessions.spec("a", Map.of("latency_ms", -5)), UNIVERSE));
    }

    private static int indexOf(List<ConversationMessage> messages,
            java.util.function.Predicate<ConversationMessage> test) {
        for (int i = 0; i < messages.size(); i++) {
            if (test.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
