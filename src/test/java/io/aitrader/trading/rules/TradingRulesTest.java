package io.aitrader.trading.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class TradingRulesTest {

    /** The contract's example object (section 10), with shorting on. */
    static TradingRules realistic() {
        return new TradingRules("realistic", BigDecimal.ZERO, new BigDecimal("0.005"), new BigDecimal("1.0"),
                new BigDecimal("5"), true, new BigDecimal("150"), new BigDecimal("130"), new BigDecimal("25"),
                new BigDecimal("25"), null, 1, TradingRules.Settlement.T0, BigDecimal.ZERO);
    }

    @Test
    void noneIsContractSection42() {
        TradingRules none = TradingRules.NONE;
        assertEquals("none", none.name());
        assertEquals(0, none.commissionBps().signum());
        assertEquals(0, none.commissionPerShare().signum());
        assertEquals(0, none.commissionMin().signum());
        assertEquals(0, none.slippageBps().signum());
        assertFalse(none.allowShort());
        assertNull(none.maxPositionPct());
        assertNull(none.maxPositions());
        assertEquals(1, none.lotSize());
        assertEquals(TradingRules.Settlement.T0, none.settlement());
        assertEquals(0, none.minCashPct().signum());
        assertFalse(none.chargesCommission());
        assertTrue(none.tradesAsNone());
    }

    @Test
    void noneDescribesNothing() {
        assertEquals(List.of(), TradingRules.NONE.describe());
        assertTrue(TradingRules.NONE.withName("custom").describe().isEmpty(), "the name alone changes nothing");
    }

    @Test
    void aMinimumWithoutARateIsNoCommission() {
        TradingRules onlyMin = new TradingRules("m", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ZERO, false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO, null, null,
                1, TradingRules.Settlement.T0, BigDecimal.ZERO);
        assertFalse(onlyMin.chargesCommission());
        assertTrue(onlyMin.tradesAsNone());
    }

    @Test
    void realisticDescribesEachActiveRule() {
        List<String> lines = realistic().describe();
        assertEquals(List.of("Commission per order: 0.005 per share, at least 1.00.",
                "Slippage: buys fill 5 bps above the day's open, sells 5 bps below it.",
                "Short selling is allowed: selling more shares than you hold opens or grows a short position"
                        + " (negative shares); buying a shorted symbol covers the short first. Opening or growing a"
                        + " short needs cash after the trade of at least 150% of the value of all your shorts at fill"
                        + " prices.",
                "At each day's open a borrow fee of 25 bps a year of the short value is taken from cash; when cash is"
                        + " then below 130% of the short value, every short is bought back at the open (margin call).",
                "A buy may not make one symbol's position worth more than 25% of the portfolio value."), lines);
        assertFalse(realistic().tradesAsNone());
    }

    @Test
    void limitsLotsSettlementAndCashAreDescribed() {
        TradingRules rules = new TradingRules("strict", new BigDecimal("10"), new BigDecimal("0.01"), BigDecimal.ZERO,
                BigDecimal.ZERO, false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO, null, 5,
                100, TradingRules.Settlement.T1, new BigDecimal("2.5"));
        assertEquals(List.of("Commission per order: 10 bps of the traded value plus 0.01 per share.",
                "A buy may not open a position beyond 5 positions held at once.",
                "Orders are in whole lots of 100 shares.",
                "Settlement T+1: shares bought today cannot be sold today.",
                "A buy may not leave cash below 2.5% of the portfolio value."), rules.describe());
    }

    @Test
    void lotSizeBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TradingRules("x", BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null,
                0, TradingRules.Settlement.T0, BigDecimal.ZERO));
    }
}
