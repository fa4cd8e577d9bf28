package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.aitrader.trading.rules.TradingRules;

/** Round prices and a builder of rules for the trading-rules tests, so every expected figure is easy to check by hand. */
final class RulesFixture {

    static final LocalDate DAY = LocalDate.of(2025, 10, 6); // a Monday
    static final LocalDate FRIDAY = LocalDate.of(2025, 10, 3);
    static final PriceTable PRICES = PriceTable.builder()
            .add("AAA", DAY, new BigDecimal("100.00"), new BigDecimal("110.00"))
            .add("BBB", DAY, new BigDecimal("50.00"), new BigDecimal("40.00"))
            .add("CCC", DAY, new BigDecimal("20.00"), null)
            .add("CHEAP", DAY, new BigDecimal("0.50"), null)
            .add("STALE", FRIDAY, new BigDecimal("9.00"), new BigDecimal("10.00"))
            .add("OLD", DAY, new BigDecimal("10.00"), null)
            .build();
    static final Set<String> TRADEABLE = Set.of("AAA", "BBB", "CCC", "CHEAP", "STALE");

    private String commissionBps = "0";
    private String perShare = "0";
    private String min = "0";
    private String slippage = "0";
    private boolean allowShort;
    private String shortMargin = "150";
    private String maintenance = "130";
    private String borrowFee = "0";
    private String maxPositionPct;
    private Integer maxPositions;
    private int lotSize = 1;
    private TradingRules.Settlement settlement = TradingRules.Settlement.T0;
    private String minCash = "0";

    static RulesFixture rules() {
        return new RulesFixture();
    }

    /** The contract's example costs: 0.005 per share, at least 1.00, 5 bps slippage. */
    RulesFixture realisticCosts() {
        perShare = "0.005";
        min = "1.00";
        slippage = "5";
        return this;
    }

    RulesFixture commission(String bps, String perShareRate, String minimum) {
        commissionBps = bps;
        perShare = perShareRate;
        min = minimum;
        return this;
    }

    RulesFixture slippage(String bps) {
        slippage = bps;
        return this;
    }

    RulesFixture shorts(String margin, String maintenanceMargin, String feeBps) {
        allowShort = true;
        shortMargin = margin;
        maintenance = maintenanceMargin;
        borrowFee = feeBps;
        return this;
    }

    RulesFixture maxPositionPct(String pct) {
        maxPositionPct = pct;
        return this;
    }

    RulesFixture maxPositions(int count) {
        maxPositions = count;
        return this;
    }

    RulesFixture lotSize(int size) {
        lotSize = size;
        return this;
    }

    RulesFixture t1() {
        settlement = TradingRules.Settlement.T1;
        return this;
    }

    RulesFixture minCashPct(String pct) {
        minCash = pct;
        return this;
    }

    TradingRules build() {
        return new TradingRules("test", new BigDecimal(commissionBps), new BigDecimal(perShare), new BigDecimal(min),
                new BigDecimal(slippage), allowShort, new BigDecimal(shortMargin), new BigDecimal(maintenance),
                new BigDecimal(borrowFee), maxPositionPct == null ? null : new BigDecimal(maxPositionPct),
                maxPositions, lotSize, settlement, new BigDecimal(minCash));
    }

    DayLedger ledger(String cash, Map<String, BigDecimal> holdings) {
        return new DayLedger(DAY, new Portfolio(new BigDecimal(cash), holdings), PRICES, TRADEABLE, build());
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual);
    }

    /** The order is refused with {@code code}, its message names every figure, and nothing changes. */
    static OrderResult assertRefused(DayLedger ledger, Function<DayLedger, OrderResult> order, String code,
            String... figures) {
        Portfolio before = ledger.current();
        int trades = ledger.trades().size();
        OrderResult result = order.apply(ledger);
        assertFalse(result.accepted(), result::message);
        assertEquals(code, result.code(), result::message);
        assertNull(result.trade());
        for (String figure : figures) {
            assertTrue(result.message().contains(figure), () -> "'" + figure + "' not in: " + result.message());
        }
        assertEquals(before, ledger.current());
        assertEquals(before, result.after());
        assertEquals(trades, ledger.trades().size());
        return result;
    }

    static void assertAccepted(OrderResult result) {
        assertTrue(result.accepted(), result::message);
    }

    static List<String> actions(DayLedger ledger) {
        return ledger.trades().stream().map(Trade::action).toList();
    }
}
