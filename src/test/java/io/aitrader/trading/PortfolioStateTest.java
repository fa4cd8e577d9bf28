package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortfolioStateTest {

    @Test
    void appliesBuysAndSellsAtTheirTotals() {
        Portfolio start = new Portfolio(new BigDecimal("1000.00"), Map.of("NVDA", BigDecimal.valueOf(2)));
        List<Trade> trades = List.of(
                new Trade(1, "sell", "NVDA", BigDecimal.valueOf(2), new BigDecimal("181.02"), new BigDecimal("362.04")),
                new Trade(2, "buy", "AAPL", BigDecimal.valueOf(5), new BigDecimal("255.88"),
                        new BigDecimal("1279.40")));

        Portfolio end = PortfolioState.apply(start, trades);

        assertEquals(0, new BigDecimal("82.64").compareTo(end.cash()));
        assertEquals(Map.of("AAPL", BigDecimal.valueOf(5)), end.holdings());
    }

    @Test
    void refusesTradesThatCouldNotHaveHappened() {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("100"));

        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "buy", "AAPL", BigDecimal.valueOf(1), new BigDecimal("255.88"),
                        new BigDecimal("255.88")))));
        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "sell", "AAPL", BigDecimal.valueOf(1), new BigDecimal("1"),
                        new BigDecimal("1")))));
        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "short", "AAPL", BigDecimal.valueOf(1), new BigDecimal("1"),
                        new BigDecimal("1")))));
    }
}
