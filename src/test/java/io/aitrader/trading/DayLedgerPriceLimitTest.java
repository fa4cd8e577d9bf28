package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aitrader.market.Market;

/**
 * The Shanghai market's rules (contract 12): the ±10 % daily limit against the previous close, 100-share lots and
 * T+1, through the ledger. Limits worked by hand: previous close 10.00 gives 11.00 and 9.00; 12.34 gives 13.574 →
 * 13.57 (tick 0.01) and 11.106 → 11.11.
 */
class DayLedgerPriceLimitTest {

    static final LocalDate MONDAY = LocalDate.of(2025, 10, 13);
    static final LocalDate PREVIOUS = LocalDate.of(2025, 9, 30); // an earlier day: the previous close is its close
    static final PriceTable PRICES = PriceTable.builder()
            .add("UP.SHH", PREVIOUS, new BigDecimal("9.80"), new BigDecimal("10.00"))
            .add("UP.SHH", MONDAY, new BigDecimal("11.00"), new BigDecimal("11.00")) // opens limit-up
            .add("DOWN.SHH", PREVIOUS, new BigDecimal("10.10"), new BigDecimal("10.00"))
            .add("DOWN.SHH", MONDAY, new BigDecimal("9.00"), new BigDecimal("9.20")) // opens limit-down
            .add("NEAR.SHH", PREVIOUS, new BigDecimal("12.00"), new BigDecimal("12.34"))
            .add("NEAR.SHH", MONDAY, new BigDecimal("13.56"), new BigDecimal("13.00")) // a tick under 13.57
            .add("NEW.SHH", MONDAY, new BigDecimal("50.00"), new BigDecimal("52.00")) // no previous close
            .build();
    static final Set<String> UNIVERSE = Set.of("UP.SHH", "DOWN.SHH", "NEAR.SHH", "NEW.SHH");

    private static DayLedger ledger(Map<String, BigDecimal> holdings) {
        return new DayLedger(MONDAY, new Portfolio(new BigDecimal("100000"), holdings), PRICES, UNIVERSE,
                Market.CN.rules());
    }

    @Test
    void aBuyAtTheUpperLimitIsRefusedAndChangesNothing() {
        DayLedger ledger = ledger(Map.of());
        OrderResult refused = ledger.buy("UP.SHH", BigDecimal.valueOf(100));
        assertFalse(refused.accepted());
        assertEquals("price_limit", refused.code());
        assertTrue(refused.message().contains("at or above today's upper limit 11.00 (previous close 10.00 + 10%)"),
                refused.message());
        assertEquals(0, new BigDecimal("100000").compareTo(ledger.current().cash()));
        assertTrue(ledger.trades().isEmpty());
    }

    @Test
    void aSellAtTheLowerLimitIsRefusedButABuyThereIsNot() {
        DayLedger ledger = ledger(Map.of("DOWN.SHH", BigDecimal.valueOf(500)));
        OrderResult refused = ledger.sell("DOWN.SHH", BigDecimal.valueOf(100));
        assertFalse(refused.accepted());
        assertEquals("price_limit", refused.code());
        assertTrue(refused.message().contains("at or below today's lower limit 9.00 (previous close 10.00 − 10%)"),
                refused.message());
        assertEquals(BigDecimal.valueOf(500), ledger.current().shares("DOWN.SHH"));
        assertTrue(ledger.buy("DOWN.SHH", BigDecimal.valueOf(100)).accepted());
        assertEquals(0, new BigDecimal("99100.00").compareTo(ledger.current().cash())); // 100000 − 100 × 9.00
    }

    @Test
    void aTickBelowTheRoundedLimitTradesAndAFirstDayHasNoLimit() {
        DayLedger ledger = ledger(Map.of("UP.SHH", BigDecimal.valueOf(200)));
        assertTrue(ledger.buy("NEAR.SHH", BigDecimal.valueOf(100)).accepted()); // 13.56 < 13.57
        assertTrue(ledger.buy("NEW.SHH", BigDecimal.valueOf(100)).accepted());
        assertTrue(ledger.sell("UP.SHH", BigDecimal.valueOf(100)).accepted(), "a sell at the upper limit is allowed");
        // 100000 − 1356 − 5000 + 1100
        assertEquals(0, new BigDecimal("94744.00").compareTo(ledger.current().cash()));
    }

    @Test
    void lotsOfOneHundredAndTPlusOne() {
        DayLedger ledger = ledger(Map.of("NEAR.SHH", BigDecimal.valueOf(150)));
        OrderResult oddLot = ledger.buy("NEW.SHH", BigDecimal.valueOf(150));
        assertEquals("lot_size", oddLot.code());
        assertTrue(ledger.sell("NEAR.SHH", BigDecimal.valueOf(150)).accepted(), "an odd lot held may be sold whole");
        assertTrue(ledger.buy("NEW.SHH", BigDecimal.valueOf(200)).accepted());
        OrderResult sameDay = ledger.sell("NEW.SHH", BigDecimal.valueOf(100));
        assertEquals("settlement", sameDay.code());
        assertEquals(BigDecimal.valueOf(200), ledger.current().shares("NEW.SHH"));
    }
}
