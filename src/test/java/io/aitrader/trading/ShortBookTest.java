package io.aitrader.trading;

import static io.aitrader.trading.RulesFixture.DAY;
import static io.aitrader.trading.RulesFixture.FRIDAY;
import static io.aitrader.trading.RulesFixture.PRICES;
import static io.aitrader.trading.RulesFixture.assertAccepted;
import static io.aitrader.trading.RulesFixture.assertMoney;
import static io.aitrader.trading.RulesFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.rules.TradingRules;

/** The start-of-day step for shorts (contract 10): borrow fee, then a margin call below the maintenance margin. */
class ShortBookTest {

    static DayOpening open(RulesFixture rules, String cash, Map<String, BigDecimal> holdings) {
        return ShortBook.openDay(DAY, FRIDAY, new Portfolio(new BigDecimal(cash), holdings), PRICES, rules.build());
    }

    @Test
    void theBorrowFeeCountsCalendarDays() {
        // short 100 × 100.00 = 10000.00; 10000.00 × 25/10^4 × 3 days (Friday to Monday) / 365 = 0.20547… → 0.2055
        DayOpening opening = open(rules().shorts("150", "130", "25"), "20000.00",
                Map.of("AAA", BigDecimal.valueOf(-100)));

        assertMoney("0.2055", opening.borrowFee());
        assertMoney("19999.7945", opening.portfolio().cash());
        assertEquals(Map.of("AAA", BigDecimal.valueOf(-100)), opening.portfolio().holdings());
        assertFalse(opening.marginCalled());
    }

    @Test
    void oneCalendarDayOfFee() {
        // 10000.00 × 25/10^4 × 1 / 365 = 0.068493… → 0.0685
        DayOpening opening = ShortBook.openDay(DAY, DAY.minusDays(1),
                new Portfolio(new BigDecimal("20000.00"), Map.of("AAA", BigDecimal.valueOf(-100))), PRICES,
                rules().shorts("150", "130", "25").build());

        assertMoney("0.0685", opening.borrowFee());
    }

    @Test
    void noPreviousDayOrNoShortsMeansNoFee() {
        Portfolio start = new Portfolio(new BigDecimal("20000.00"), Map.of("AAA", BigDecimal.valueOf(-100)));
        TradingRules rules = rules().shorts("150", "130", "25").build();
        assertEquals(0, ShortBook.openDay(DAY, null, start, PRICES, rules).borrowFee().signum());

        Portfolio longOnly = new Portfolio(new BigDecimal("5.00"), Map.of("AAA", BigDecimal.valueOf(100)));
        DayOpening opening = ShortBook.openDay(DAY, FRIDAY, longOnly, PRICES, rules);
        assertEquals(longOnly, opening.portfolio());
        assertEquals(0, opening.borrowFee().signum());
    }

    @Test
    void aPreviousDayNotBeforeTheDayIsAnError() {
        Portfolio start = new Portfolio(new BigDecimal("20000.00"), Map.of("AAA", BigDecimal.valueOf(-100)));
        assertThrows(IllegalArgumentException.class, () -> ShortBook.openDay(DAY, DAY, start, PRICES,
                rules().shorts("150", "130", "25").build()));
    }

    @Test
    void cashAtTheMaintenanceMarginIsNoMarginCall() {
        // short value 10000.00, 130 % = 13000.00; no fee
        assertFalse(open(rules().shorts("150", "130", "0"), "13000.00", Map.of("AAA", BigDecimal.valueOf(-100)))
                .marginCalled());
        assertTrue(open(rules().shorts("150", "130", "0"), "12999.99", Map.of("AAA", BigDecimal.valueOf(-100)))
                .marginCalled());
    }

    @Test
    void aMarginCallBuysBackEveryShortAtTheOpenUnderTheFillRules() {
        // shorts 100 × 100.00 + 20 × 50.00 = 11000.00; fee 11000.00 × 25/10^4 × 3/365 = 0.22602… → 0.2260;
        // cash 13999.7740 < 130 % × 11000.00 = 14300.00
        DayOpening opening = open(rules().realisticCosts().shorts("150", "130", "25"), "14000.00",
                Map.of("AAA", BigDecimal.valueOf(-100), "BBB", BigDecimal.valueOf(-20), "CCC", BigDecimal.valueOf(10)));

        assertMoney("0.2260", opening.borrowFee());
        List<Trade> covers = opening.covers();
        assertEquals(2, covers.size());
        Trade aaa = covers.get(0);
        assertEquals(List.of(1, "cover", "AAA", BigDecimal.valueOf(100), "margin_call"),
                List.of(aaa.seq(), aaa.action(), aaa.symbol(), aaa.amount(), aaa.reason()));
        assertMoney("100.00", aaa.price());
        assertMoney("100.05", aaa.fillPrice());
        assertMoney("10005.00", aaa.total());
        assertMoney("1.00", aaa.commission()); // 100 × 0.005 = 0.50, below the minimum
        assertMoney("5.00", aaa.slippage());
        Trade bbb = covers.get(1);
        assertEquals(List.of(2, "cover", "BBB", BigDecimal.valueOf(20)),
                List.of(bbb.seq(), bbb.action(), bbb.symbol(), bbb.amount()));
        assertMoney("50.025", bbb.fillPrice());
        assertMoney("1000.50", bbb.total());
        assertMoney("1.00", bbb.commission());
        // 13999.7740 − 10006.00 − 1001.50
        assertMoney("2992.2740", opening.portfolio().cash());
        assertEquals(Map.of("CCC", BigDecimal.valueOf(10)), opening.portfolio().holdings());
        assertEquals(List.of(), opening.warnings());
    }

    @Test
    void aShortWithoutAnOpenStaysWithAWarning() {
        // shorts: AAA 10 × 100.00 + STALE 10 × 10.00 (last close) = 1100.00, need 1430.00
        DayOpening opening = open(rules().shorts("150", "130", "0"), "1000.00",
                Map.of("AAA", BigDecimal.valueOf(-10), "STALE", BigDecimal.valueOf(-10)));

        assertEquals(1, opening.covers().size());
        assertEquals(Map.of("STALE", BigDecimal.valueOf(-10)), opening.portfolio().holdings());
        assertMoney("0.00", opening.portfolio().cash()); // 1000.00 − 1000.00
        assertEquals(List.of("Margin call: STALE has no open price on 2025-10-06, so its short of 10 shares stays"
                + " open."), opening.warnings());
    }

    @Test
    void theStartIsNotChanged() {
        Portfolio start = new Portfolio(new BigDecimal("1000.00"), Map.of("AAA", BigDecimal.valueOf(-10)));
        ShortBook.openDay(DAY, FRIDAY, start, PRICES, rules().shorts("150", "130", "25").build());
        assertEquals(new Portfolio(new BigDecimal("1000.00"), Map.of("AAA", BigDecimal.valueOf(-10))), start);
    }

    @Test
    void theLedgerOpensOnceAndItsCoversComeFirst() {
        // 1200.00 < 130 % × 1000.00: the short is bought back for 1000.00
        DayLedger ledger = rules().shorts("150", "130", "0").ledger("1200.00", Map.of("AAA", BigDecimal.valueOf(-10)));

        DayOpening opening = ledger.open(FRIDAY);

        assertTrue(opening.marginCalled());
        assertEquals(opening.portfolio(), ledger.current());
        assertMoney("200.00", ledger.current().cash());
        assertMoney("1200.00", ledger.start().cash());
        assertAccepted(ledger.buy("CCC", BigDecimal.valueOf(1)));
        assertEquals(List.of(1, 2), ledger.trades().stream().map(Trade::seq).toList());
        assertEquals(List.of("cover", "buy"), RulesFixture.actions(ledger));
        assertThrows(IllegalStateException.class, () -> ledger.open(FRIDAY));
        assertEquals(ledger.current(), PortfolioState.apply(ledger.start(), ledger.trades(), true));
    }
}
