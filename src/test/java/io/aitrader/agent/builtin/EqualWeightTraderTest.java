package io.aitrader.agent.builtin;

import static io.aitrader.agent.builtin.Sessions.assertMoney;
import static io.aitrader.agent.builtin.Sessions.builtin;
import static io.aitrader.agent.builtin.Sessions.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.TradingSession;
import io.aitrader.config.ModelSpec;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.PortfolioState;
import io.aitrader.trading.PriceTable;

class EqualWeightTraderTest {

    static final LocalDate D1 = LocalDate.of(2025, 10, 2);
    static final LocalDate D2 = LocalDate.of(2025, 10, 3);
    static final LocalDate D3 = LocalDate.of(2025, 10, 6);
    static final List<String> UNIVERSE = List.of("NVDA", "AAPL", "MSFT");
    static final ModelSpec MODEL = builtin("equal-weight", Map.of());
    static final PriceTable PRICES = PriceTable.builder()
            .add("AAPL", D1, new BigDecimal("255.88"), new BigDecimal("258.00"))
            .add("MSFT", D1, new BigDecimal("510.40"), new BigDecimal("505.00"))
            .add("NVDA", D1, new BigDecimal("181.02"), new BigDecimal("200.00"))
            .add("AAPL", D2, new BigDecimal("260.00"), new BigDecimal("261.00"))
            .add("MSFT", D2, new BigDecimal("500.00"), new BigDecimal("501.00"))
            .add("NVDA", D2, new BigDecimal("220.00"), new BigDecimal("221.00"))
            .add("AAPL", D3, new BigDecimal("250.00"), null)
            .add("NVDA", D3, new BigDecimal("200.00"), null)
            .build();

    final EqualWeightTrader trader = new EqualWeightTrader();

    @Test
    void firstDayBuysEqualWeightsInSymbolOrder() {
        TradingSession session = session(MODEL, D1, Portfolio.cashOnly(new BigDecimal("10000.00")), PRICES, UNIVERSE,
                "QQQ");

        DayTranscript day = trader.tradeDay(session);

        // target 10000/3 = 3333.33: AAPL floor(3333.33/255.88)=13, MSFT floor(3333.33/510.40)=6, NVDA 18
        assertEquals(
                Map.of("AAPL", BigDecimal.valueOf(13), "MSFT", BigDecimal.valueOf(6), "NVDA", BigDecimal.valueOf(18)),
                session.ledger().current().holdings());
        assertMoney("352.80", session.ledger().current().cash());
        assertEquals("Bought 13 AAPL at 255.88; bought 6 MSFT at 510.40; bought 18 NVDA at 181.02", day.summary());
        assertEquals(3, day.totalSteps());
        assertEquals(Map.of("buy", 3), day.toolUsage());
        assertEquals(List.of("{\"symbol\":\"AAPL\",\"amount\":13}", "{\"symbol\":\"MSFT\",\"amount\":6}",
                "{\"symbol\":\"NVDA\",\"amount\":18}"),
                day.messages().stream().skip(1).map(ConversationMessage::toolArguments).toList());
        assertTrue(day.messages().get(0).content().contains("10000.00"), day.messages().get(0).content());
    }

    @Test
    void nextDayRebalancesSellingFirst() {
        Portfolio afterDay1 = new Portfolio(new BigDecimal("352.80"),
                Map.of("AAPL", BigDecimal.valueOf(13), "MSFT", BigDecimal.valueOf(6), "NVDA", BigDecimal.valueOf(18)));
        TradingSession session = session(MODEL, D2, afterDay1, PRICES, UNIVERSE, "QQQ");

        DayTranscript day = trader.tradeDay(session);

        // total at open 352.80 + 3380 + 3000 + 3960 = 10692.80; targets AAPL 13, MSFT 7, NVDA 16
        assertEquals(
                Map.of("AAPL", BigDecimal.valueOf(13), "MSFT", BigDecimal.valueOf(7), "NVDA", BigDecimal.valueOf(16)),
                session.ledger().current().holdings());
        assertMoney("292.80", session.ledger().current().cash());
        assertEquals("Sold 2 NVDA at 220.00; bought 1 MSFT at 500.00", day.summary());
        assertEquals(Map.of("buy", 1, "sell", 1), day.toolUsage());
        assertEquals(List.of("sell", "buy"),
                day.messages().stream().skip(1).map(ConversationMessage::toolName).toList());
    }

    @Test
    void symbolsWithoutAnOpenAreLeftOutAndKept() {
        Portfolio start = new Portfolio(new BigDecimal("1000.00"), Map.of("MSFT", BigDecimal.valueOf(2)));
        TradingSession session = session(MODEL, D3, start, PRICES, UNIVERSE, "QQQ");

        trader.tradeDay(session);

        // MSFT has no open: only the 1000.00 cash is split over AAPL and NVDA (500 each)
        assertEquals(
                Map.of("AAPL", BigDecimal.valueOf(2), "MSFT", BigDecimal.valueOf(2), "NVDA", BigDecimal.valueOf(2)),
                session.ledger().current().holdings());
        assertMoney("100.00", session.ledger().current().cash());
    }

    @Test
    void holdingsOutsideTheUniverseAreSold() {
        Portfolio start = new Portfolio(BigDecimal.ZERO, Map.of("NVDA", BigDecimal.valueOf(5)));
        TradingSession session = session(MODEL, D1, start, PRICES, List.of("AAPL", "MSFT"), "QQQ");

        DayTranscript day = trader.tradeDay(session);

        // 905.10 over 2 symbols: AAPL floor(452.55/255.88)=1, MSFT 0
        assertEquals(Map.of("AAPL", BigDecimal.valueOf(1)), session.ledger().current().holdings());
        assertMoney("649.22", session.ledger().current().cash());
        assertEquals("Sold 5 NVDA at 181.02; bought 1 AAPL at 255.88", day.summary());
    }

    @Test
    void noOpenForAnyUniverseSymbolMeansNoTrades() {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("10"));
        TradingSession session = session(MODEL, D3, start, PRICES, List.of("MSFT"), "QQQ");

        DayTranscript day = trader.tradeDay(session);

        assertEquals(start, session.ledger().current());
        assertEquals("No trades: holding cash 10.00", day.summary());
    }

    @Test
    void manyDaysOfRebalancingNeverOverdraw() {
        List<String> universe = List.of("A", "B", "C", "D", "E");
        Random random = new Random(42);
        PriceTable.Builder builder = PriceTable.builder();
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int d = 0; d < 60; d++) {
            for (String symbol : universe) {
                BigDecimal open = BigDecimal.valueOf(1_000 + random.nextInt(99_000), 2);
                builder.add(symbol, first.plusDays(d), open, open);
            }
        }
        PriceTable prices = builder.build();
        Portfolio portfolio = Portfolio.cashOnly(new BigDecimal("10000.00"));
        for (int d = 0; d < 60; d++) {
            LocalDate date = first.plusDays(d);
            TradingSession session = session(MODEL, date, portfolio, prices, universe, "QQQ");
            trader.tradeDay(session);
            Portfolio end = session.ledger().current();

            assertTrue(end.cash().signum() >= 0, "negative cash on " + date);
            assertTrue(PortfolioState.sameState(end, PortfolioState.apply(portfolio, session.ledger().trades())));
            // floor per symbol leaves less than one share of each symbol in cash
            BigDecimal sumOfOpens = universe.stream().map(s -> prices.open(s, date).orElseThrow())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertTrue(end.cash().compareTo(sumOfOpens) < 0, "cash " + end.cash() + " left idle on " + date);
            portfolio = end;
        }
    }
}
