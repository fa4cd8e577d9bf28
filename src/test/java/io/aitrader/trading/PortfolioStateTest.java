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
        Portfolio start = new Portfolio(new BigDecimal("1000.00"), Map.of("NVDA", 2L));
        List<Trade> trades = List.of(
                new Trade(1, "sell", "NVDA", 2, new BigDecimal("181.02"), new BigDecimal("362.04")),
                new Trade(2, "buy", "AAPL", 5, new BigDecimal("255.88"), new BigDecimal("1279.40")));

        Portfolio end = PortfolioState.apply(start, trades);

        assertEquals(0, new BigDecimal("82.64").compareTo(end.cash()));
        assertEquals(Map.of("AAPL", 5L), end.holdings());
    }

    @Test
    void refusesTradesThatCouldNotHaveHappened() {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("100"));

        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "buy", "AAPL", 1, new BigDecimal("255.88"), new BigDecimal("255.88")))));
        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "sell", "AAPL", 1, new BigDecimal("1"), new BigDecimal("1")))));
        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(start,
                List.of(new Trade(1, "short", "AAPL", 1, new BigDecimal("1"), new BigDecimal("1")))));
    }
}
