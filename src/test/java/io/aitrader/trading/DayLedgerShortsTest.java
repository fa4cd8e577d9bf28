package io.aitrader.trading;

import static io.aitrader.trading.RulesFixture.DAY;
import static io.aitrader.trading.RulesFixture.PRICES;
import static io.aitrader.trading.RulesFixture.assertAccepted;
import static io.aitrader.trading.RulesFixture.assertMoney;
import static io.aitrader.trading.RulesFixture.assertRefused;
import static io.aitrader.trading.RulesFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Short selling through the ledger (contract 10): opening, growing and covering shorts, and their margin. */
class DayLedgerShortsTest {

    static RulesFixture shorts() {
        return rules().shorts("150", "130", "25");
    }

    @Test
    void aSellWithoutSharesOpensAShort() {
        DayLedger ledger = shorts().ledger("10000.00", Map.of());

        OrderResult result = ledger.sell("AAA", BigDecimal.valueOf(10));

        assertAccepted(result);
        assertEquals("sell", result.trade().action());
        assertMoney("1000.00", result.trade().total());
        assertMoney("11000.00", ledger.current().cash());
        assertEquals(Map.of("AAA", BigDecimal.valueOf(-10)), ledger.current().holdings());
        assertEquals("Sold 10 AAA at 100.00 (total 1000.00; open 100.00, slippage 0.00, commission 0.00). Cash now "
                + "11000.00; AAA held: -10.", result.message());
    }

    @Test
    void aSellBeyondTheSharesHeldGoesShortByTheDifference() {
        DayLedger ledger = shorts().ledger("0", Map.of("AAA", BigDecimal.valueOf(5)));

        // cash after 800.00, short 3 × 100.00 = 300.00 needs 450.00
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(8)));
        assertEquals(Map.of("AAA", BigDecimal.valueOf(-3)), ledger.current().holdings());
        assertMoney("800.00", ledger.current().cash());
    }

    @Test
    void theShortMarginIsCheckedOnAllShortsAfterTheTrade() {
        DayLedger ledger = shorts().ledger("1000.00", Map.of());

        // 21 short: cash 1000.00 + 2100.00 = 3100.00 < 150 % × 2100.00 = 3150.00
        assertRefused(ledger, l -> l.sell("AAA", BigDecimal.valueOf(21)), "short_margin_pct",
                "selling 21 AAA at 100.00",
                "leave cash 3100.00", "shorts worth 2100.00", "at least 3150.00 (150%)");
        // 20 short: cash 3000.00 = 150 % × 2000.00, allowed
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(20)));
        // another short in BBB: cash 3050.00, shorts 2000.00 + 50.00 = 2050.00 need 3075.00
        assertRefused(ledger, l -> l.sell("BBB", BigDecimal.valueOf(1)), "short_margin_pct", "shorts worth 2050.00",
                "at least 3075.00");
    }

    @Test
    void theShortMarginUsesFillPricesAndCountsCosts() {
        // 10 short at 99.95 = 999.50, commission 1.00: need 150 % × 999.50 = 1499.25
        DayLedger poor = rules().realisticCosts().shorts("150", "130", "25").ledger("500.00", Map.of());
        assertRefused(poor, l -> l.sell("AAA", BigDecimal.valueOf(10)), "short_margin_pct", "leave cash 1498.50",
                "shorts worth 999.50", "at least 1499.25");

        DayLedger enough = rules().realisticCosts().shorts("150", "130", "25").ledger("501.00", Map.of());
        assertAccepted(enough.sell("AAA", BigDecimal.valueOf(10)));
        assertMoney("1499.50", enough.current().cash()); // 501.00 + 999.50 − 1.00
    }

    @Test
    void sellingLongSharesNeedsNoMargin() {
        DayLedger ledger = shorts().ledger("0", Map.of("AAA", BigDecimal.valueOf(10), "BBB", BigDecimal.valueOf(-100)));

        // BBB short 5000.00 would need 7500.00, but selling held AAA shares does not grow a short
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(10)));
    }

    @Test
    void aBuyCoversTheShortFirst() {
        DayLedger ledger = shorts().t1().ledger("11000.00", Map.of("AAA", BigDecimal.valueOf(-10)));

        OrderResult result = ledger.buy("AAA", BigDecimal.valueOf(15));

        assertAccepted(result);
        assertEquals(Map.of("AAA", BigDecimal.valueOf(5)), ledger.current().holdings());
        assertMoney("9500.00", ledger.current().cash());
        // under T1 only the 5 bought beyond the short count as bought today
        assertRefused(ledger, l -> l.sell("AAA", BigDecimal.valueOf(1)), "settlement", "5 were bought today");
    }

    @Test
    void aCoveringBuyIsNotAPositionOverTheLimits() {
        DayLedger ledger = shorts().maxPositions(1).maxPositionPct("1").lotSize(10)
                .ledger("11000.00", Map.of("AAA", BigDecimal.valueOf(-7)));

        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(7))); // closes the short exactly, though not a whole lot
        assertEquals(Map.of(), ledger.current().holdings());
    }

    @Test
    void aShortLeftFromAnEarlierUniverseCanBeCovered() {
        DayLedger ledger = shorts().ledger("1000.00", Map.of("OLD", BigDecimal.valueOf(-5)));

        assertRefused(ledger, l -> l.buy("OLD", BigDecimal.valueOf(6)), "unknown_symbol");
        assertAccepted(ledger.buy("OLD", BigDecimal.valueOf(5)));
        assertRefused(ledger, l -> l.buy("OLD", BigDecimal.valueOf(1)), "unknown_symbol");
    }

    @Test
    void aPositionOutsideTheUniverseCanBeSoldButNotShorted() {
        DayLedger ledger = shorts().ledger("1000.00", Map.of("OLD", BigDecimal.valueOf(5)));

        assertRefused(ledger, l -> l.sell("OLD", BigDecimal.valueOf(6)), "unknown_symbol");
        assertAccepted(ledger.sell("OLD", BigDecimal.valueOf(5)));
        assertRefused(ledger, l -> l.sell("OLD", BigDecimal.valueOf(1)), "unknown_symbol");
    }

    @Test
    void withoutShortingASellBeyondHoldingsIsInsufficientShares() {
        DayLedger ledger = rules().ledger("10000.00", Map.of("AAA", BigDecimal.valueOf(5)));

        assertRefused(ledger, l -> l.sell("AAA", BigDecimal.valueOf(6)), "insufficient_shares", "hold 5 AAA", "sell 6");
    }

    @Test
    void negativeCashIsAcceptedOnlyWhenShortingIsOn() {
        Portfolio overdrawn = new Portfolio(new BigDecimal("-10.00"), Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> new DayLedger(DAY, overdrawn, PRICES, RulesFixture.TRADEABLE, rules().build()));
        DayLedger ledger = new DayLedger(DAY, overdrawn, PRICES, RulesFixture.TRADEABLE, shorts().build());
        assertRefused(ledger, l -> l.buy("CCC", BigDecimal.valueOf(1)), "insufficient_cash");
    }

    @Test
    void shortsAreValuedNegative() {
        Portfolio portfolio = new Portfolio(new BigDecimal("11000.00"),
                Map.of("AAA", BigDecimal.valueOf(-10), "BBB", BigDecimal.valueOf(20)));

        // open: 11000.00 − 10 × 100.00 + 20 × 50.00 = 11000.00; close: 11000.00 − 1100.00 + 800.00 = 10700.00
        assertMoney("11000.00", Valuer.atOpen(portfolio, DAY, PRICES).value());
        assertMoney("10700.00", Valuer.atClose(portfolio, DAY, PRICES).value());
        DayValuation day = Valuer.valueDay(DAY, portfolio, portfolio, PRICES, new BigDecimal("11000.00"));
        assertMoney("-300.00", day.profit());
    }

    @Test
    void shortTradesReplay() {
        DayLedger ledger = shorts().ledger("1000.00", Map.of("AAA", BigDecimal.valueOf(2)));
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(7)));
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(1)));

        assertEquals(ledger.current(), PortfolioState.apply(ledger.start(), ledger.trades(), true));
        assertThrows(IllegalArgumentException.class, () -> PortfolioState.apply(ledger.start(), ledger.trades()));
        assertEquals(List.of("sell", "buy"), RulesFixture.actions(ledger));
    }
}
