package io.aitrader.trading;

import static io.aitrader.trading.RulesFixture.assertAccepted;
import static io.aitrader.trading.RulesFixture.assertMoney;
import static io.aitrader.trading.RulesFixture.assertRefused;
import static io.aitrader.trading.RulesFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The limits of contract 10, each refused under its rule's name with the figures in the message. */
class DayLedgerLimitsTest {

    @Test
    void lotSizeRefusesPartLots() {
        DayLedger ledger = rules().lotSize(10).ledger("10000.00", Map.of());

        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(15)), "lot_size", "lots of 10 shares",
                "buying 15 AAA",
                "nearest: 10 or 20");
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(20)));
        assertRefused(ledger, l -> l.sell("AAA", BigDecimal.valueOf(5)), "lot_size", "selling 5 AAA",
                "nearest: 0 or 10");
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(10)));
    }

    @Test
    void anOddPositionCanStillBeClosedWhole() {
        DayLedger ledger = rules().lotSize(10).ledger("0", Map.of("BBB", BigDecimal.valueOf(7)));

        assertRefused(ledger, l -> l.sell("BBB", BigDecimal.valueOf(3)), "lot_size");
        assertAccepted(ledger.sell("BBB", BigDecimal.valueOf(7)));
        assertMoney("350.00", ledger.current().cash());
    }

    @Test
    void maxPositionsRefusesANewPositionButNotMoreOfAHeldOne() {
        DayLedger ledger = rules().maxPositions(2).ledger("10000.00",
                Map.of("AAA", BigDecimal.valueOf(1), "BBB", BigDecimal.valueOf(1)));

        assertRefused(ledger, l -> l.buy("CCC", BigDecimal.valueOf(1)), "max_positions", "hold 2 positions",
                "at most 2",
                "CCC cannot be opened");
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(1)));
        assertAccepted(ledger.sell("BBB", BigDecimal.valueOf(1)));
        assertAccepted(ledger.buy("CCC", BigDecimal.valueOf(1)));
        assertEquals(Map.of("AAA", BigDecimal.valueOf(2), "CCC", BigDecimal.valueOf(1)), ledger.current().holdings());
    }

    @Test
    void maxPositionPctAllowsExactlyTheLimit() {
        DayLedger ledger = rules().maxPositionPct("25").ledger("10000.00", Map.of());

        // 26 × 100.00 = 2600.00 of a portfolio still worth 10000.00: 26 %
        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(26)), "max_position_pct", "buying 26 AAA at 100.00",
                "worth 2600.00", "26.00%", "portfolio value 10000.00", "limit is 25%");
        // 25 × 100.00 = 2500.00: exactly 25 %, allowed
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(25)));
        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(1)), "max_position_pct", "worth 2600.00");
    }

    @Test
    void maxPositionPctCountsTheBuysOwnCostsAgainstIt() {
        DayLedger ledger = rules().realisticCosts().maxPositionPct("25").ledger("10000.00", Map.of());

        // 25 at 100.05 = 2501.25, commission 1.00: cash 7497.75, portfolio 7497.75 + 2501.25 = 9999.00;
        // 2501.25 / 9999.00 = 25.015 % > 25 %
        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(25)), "max_position_pct", "worth 2501.25", "25.02%",
                "portfolio value 9999.00");
        // 24 at 100.05 = 2401.20: cash 7597.80, portfolio 9999.00, 24.01 %
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(24)));
    }

    @Test
    void maxPositionPctValuesOtherHoldingsAtTheOpenOrTheirLastPrice() {
        // BBB 20 × 50.00 = 1000.00 at today's open; STALE 100 × 10.00 (its last close) = 1000.00
        DayLedger ledger = rules().maxPositionPct("25").ledger("8000.00",
                Map.of("BBB", BigDecimal.valueOf(20), "STALE", BigDecimal.valueOf(100)));

        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(26)), "max_position_pct",
                "portfolio value 10000.00");
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(25)));
    }

    @Test
    void maxPositionPctCountsShortsNegative() {
        // cash 12000.00 − BBB short 40 × 50.00 = 10000.00
        DayLedger ledger = rules().shorts("150", "130", "0").maxPositionPct("25").ledger("12000.00",
                Map.of("BBB", BigDecimal.valueOf(-40)));

        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(26)), "max_position_pct",
                "portfolio value 10000.00");
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(25)));
    }

    @Test
    void minCashPctKeepsAShareOfThePortfolioInCash() {
        DayLedger ledger = rules().minCashPct("10").ledger("10000.00", Map.of());

        // 91 × 100.00 leaves 900.00 cash, 9 % of 10000.00
        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(91)), "min_cash_pct", "leave cash 900.00", "9.00%",
                "portfolio value 10000.00", "at least 10% (1000.00)");
        // 90 leaves 1000.00: exactly 10 %, allowed
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(90)));
        assertMoney("1000.00", ledger.current().cash());
    }

    @Test
    void minCashPctDoesNotStopSells() {
        DayLedger ledger = rules().minCashPct("50").ledger("0", Map.of("AAA", BigDecimal.valueOf(10)));

        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(1)));
    }

    @Test
    void t1SettlementKeepsTodaysPurchasesUnsold() {
        DayLedger ledger = rules().t1().ledger("10000.00", Map.of("AAA", BigDecimal.valueOf(5)));

        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(10)));
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(5))); // the 5 held from before
        assertRefused(ledger, l -> l.sell("AAA", BigDecimal.valueOf(1)), "settlement", "hold 10 AAA",
                "10 were bought today",
                "at most 0 can be sold today");
        assertEquals(BigDecimal.valueOf(10), ledger.current().shares("AAA"));
    }

    @Test
    void t0SettlementSellsTodaysPurchases() {
        DayLedger ledger = rules().ledger("10000.00", Map.of());

        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(10)));
        assertAccepted(ledger.sell("AAA", BigDecimal.valueOf(10)));
    }

    @Test
    void theBasicChecksComeBeforeTheRules() {
        DayLedger ledger = rules().lotSize(10).maxPositions(1).ledger("10000.00",
                Map.of("AAA", BigDecimal.valueOf(10)));

        assertRefused(ledger, l -> l.buy("CCC", BigDecimal.valueOf(0)), "invalid_amount");
        assertRefused(ledger, l -> l.buy("ZZZ", BigDecimal.valueOf(5)), "unknown_symbol");
        assertRefused(ledger, l -> l.buy("STALE", BigDecimal.valueOf(5)), "no_price");
        assertRefused(ledger, l -> l.buy("CCC", BigDecimal.valueOf(5)), "lot_size");
        assertRefused(ledger, l -> l.buy("CCC", BigDecimal.valueOf(10)), "max_positions");
    }
}
