package io.aitrader.agent.builtin;

import static io.aitrader.agent.builtin.Sessions.assertMoney;
import static io.aitrader.agent.builtin.Sessions.builtin;
import static io.aitrader.agent.builtin.Sessions.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.TraderException;
import io.aitrader.agent.TradingSession;
import io.aitrader.config.ModelSpec;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.PriceTable;

class BuyAndHoldTraderTest {

    static final LocalDate D1 = LocalDate.of(2025, 10, 2);
    static final LocalDate D2 = LocalDate.of(2025, 10, 3);
    static final LocalDate D3 = LocalDate.of(2025, 10, 6);
    static final PriceTable PRICES = PriceTable.builder()
            .add("QQQ", D1, new BigDecimal("600.37"), new BigDecimal("603.00"))
            .add("QQQ", D2, new BigDecimal("605.00"), new BigDecimal("601.00"))
            .add("AAPL", D2, new BigDecimal("255.88"), new BigDecimal("257.00"))
            .add("AAPL", D3, new BigDecimal("250.00"), null)
            .build();
    static final ModelSpec QQQ = builtin("buy-and-hold", Map.of("symbol", "QQQ"));
    static final List<String> UNIVERSE = List.of("AAPL", "NVDA");

    final BuyAndHoldTrader trader = new BuyAndHoldTrader();

    @Test
    void buysAllWholeSharesCashAllowsOnTheFirstDayThenHolds() throws TraderException {
        TradingSession first = session(QQQ, D1, Portfolio.cashOnly(new BigDecimal("10000")), PRICES, UNIVERSE, "QQQ");

        DayTranscript day1 = trader.tradeDay(first);

        Portfolio afterDay1 = first.ledger().current();
        assertEquals(Map.of("QQQ", BigDecimal.valueOf(16)), afterDay1.holdings());
        assertMoney("394.08", afterDay1.cash());
        assertEquals("Bought 16 QQQ at 600.37", day1.summary());
        assertEquals(1, day1.totalSteps());
        assertTrue(day1.stopSignalReceived());
        assertEquals(Map.of("buy", 1), day1.toolUsage());
        assertEquals(2, day1.messages().size());
        ConversationMessage plan = day1.messages().get(0);
        ConversationMessage order = day1.messages().get(1);
        assertEquals("assistant", plan.role());
        assertTrue(plan.content().contains("16"), plan.content());
        assertEquals(List.of(1, 2), day1.messages().stream().map(ConversationMessage::seq).toList());
        assertEquals("tool", order.role());
        assertEquals("buy", order.toolName());
        assertEquals("{\"symbol\":\"QQQ\",\"amount\":16}", order.toolArguments());
        assertTrue(order.toolResult().startsWith("Bought 16 QQQ at 600.37"), order.toolResult());

        TradingSession second = session(QQQ, D2, afterDay1, PRICES, UNIVERSE, "QQQ");
        DayTranscript day2 = trader.tradeDay(second);

        assertEquals(afterDay1, second.ledger().current());
        assertEquals(List.of(), second.ledger().trades());
        assertEquals("No trades: holding 16 QQQ and cash 394.08", day2.summary());
        assertEquals(1, day2.totalSteps());
        assertEquals(Map.of(), day2.toolUsage());
        assertEquals(1, day2.messages().size());
    }

    @Test
    void defaultsToTheBenchmarkAndWaitsForAnOpen() throws TraderException {
        ModelSpec noOption = builtin("buy-and-hold", Map.of());
        Portfolio cash = Portfolio.cashOnly(new BigDecimal("1000"));

        TradingSession noOpen = session(noOption, D3, cash, PRICES, UNIVERSE, "QQQ");
        DayTranscript waiting = trader.tradeDay(noOpen);
        TradingSession withOpen = session(noOption, D2, cash, PRICES, UNIVERSE, "qqq");
        trader.tradeDay(withOpen);

        assertEquals(cash, noOpen.ledger().current());
        assertEquals("No trades: holding cash 1000.00", waiting.summary());
        assertEquals(Map.of("QQQ", BigDecimal.valueOf(1)), withOpen.ledger().current().holdings());
        assertMoney("395.00", withOpen.ledger().current().cash());
    }

    @Test
    void symbolOptionIsCaseInsensitive() throws TraderException {
        TradingSession session = session(builtin("buy-and-hold", Map.of("symbol", "aapl")), D2,
                Portfolio.cashOnly(new BigDecimal("1000")), PRICES, UNIVERSE, "QQQ");

        DayTranscript day = trader.tradeDay(session);

        assertEquals(Map.of("AAPL", BigDecimal.valueOf(3)), session.ledger().current().holdings());
        assertMoney("232.36", session.ledger().current().cash());
        assertEquals("Bought 3 AAPL at 255.88", day.summary());
    }

    @Test
    void tooLittleCashBuysNothing() throws TraderException {
        TradingSession session = session(QQQ, D1, Portfolio.cashOnly(new BigDecimal("600.36")), PRICES, UNIVERSE,
                "QQQ");

        DayTranscript day = trader.tradeDay(session);

        assertEquals(List.of(), session.ledger().trades());
        assertTrue(day.summary().startsWith("No trades"), day.summary());
    }

    @Test
    void withoutSymbolOrBenchmarkTheDayFails() {
        TradingSession session = session(builtin("buy-and-hold", null), D1, Portfolio.cashOnly(BigDecimal.TEN), PRICES,
                UNIVERSE, "");

        assertThrows(TraderException.class, () -> trader.tradeDay(session));
    }

    @Test
    void buildsBuiltinsByBasemodelName() {
        assertTrue(BuiltinTraders.forBasemodel("buy-and-hold").orElseThrow() instanceof BuyAndHoldTrader);
        assertTrue(BuiltinTraders.forBasemodel("Equal_Weight").orElseThrow() instanceof EqualWeightTrader);
        assertTrue(BuiltinTraders.forBasemodel("momentum").isEmpty());
        assertTrue(BuiltinTraders.forBasemodel(null).isEmpty());
    }
}
