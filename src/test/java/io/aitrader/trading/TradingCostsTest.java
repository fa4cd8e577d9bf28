package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.rules.TradingRules;

/** Fill prices and commissions (contract 10), every expected figure worked out by hand. */
class TradingCostsTest {

    static TradingRules costs(String commissionBps, String perShare, String min, String slippageBps) {
        return new TradingRules("t", new BigDecimal(commissionBps), new BigDecimal(perShare), new BigDecimal(min),
                new BigDecimal(slippageBps), false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO,
                null, null, 1, TradingRules.Settlement.T0, BigDecimal.ZERO);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void buysFillAboveTheOpenAndSellsBelow() {
        TradingRules rules = costs("0", "0", "0", "5");
        // 100.00 × 1.0005 = 100.05; 100.00 × 0.9995 = 99.95
        assertEquals(d("100.0500"), Fills.buy(d("100.00"), rules));
        assertEquals(d("99.9500"), Fills.sell(d("100.00"), rules));
    }

    @Test
    void fillsRoundToFourDecimalsHalfUp() {
        TradingRules five = costs("0", "0", "0", "5");
        // 12.3456 × 1.0005 = 12.3517728 → 12.3518; 12.3456 × 0.9995 = 12.3394272 → 12.3394
        assertEquals(d("12.3518"), Fills.buy(d("12.3456"), five));
        assertEquals(d("12.3394"), Fills.sell(d("12.3456"), five));
        TradingRules half = costs("0", "0", "0", "0.5");
        // 1.00 × 1.00005 = 1.00005, a tie: HALF_UP gives 1.0001 (HALF_EVEN would give 1.0000)
        assertEquals(d("1.0001"), Fills.buy(d("1.00"), half));
        // 1.00 × 0.99995 = 0.99995 → 1.0000
        assertEquals(d("1.0000"), Fills.sell(d("1.00"), half));
    }

    @Test
    void withoutSlippageTheOpenIsTheFillUnchanged() {
        BigDecimal open = d("255.88");
        assertSame(open, Fills.buy(open, TradingRules.NONE));
        assertSame(open, Fills.sell(open, TradingRules.NONE));
    }

    @Test
    void slippageInCurrencyIsTheFillDistanceTimesShares() {
        // |100.05 − 100.00| × 10 = 0.50; |99.95 − 100.00| × 10 = 0.50
        assertEquals(0, d("0.50").compareTo(Fills.slippage(d("100.00"), d("100.05"), BigDecimal.valueOf(10))));
        assertEquals(0, d("0.50").compareTo(Fills.slippage(d("100.00"), d("99.95"), BigDecimal.valueOf(10))));
    }

    @Test
    void perShareCommissionHasAMinimum() {
        TradingRules ibkr = costs("0", "0.005", "1.00", "5");
        // 10 × 0.005 = 0.05 < 1.00 → 1.00
        assertEquals(d("1.0000"), Commission.of(d("1000.50"), BigDecimal.valueOf(10), ibkr));
        // 1000 × 0.005 = 5.00 > 1.00 → 5.00
        assertEquals(d("5.0000"), Commission.of(d("100050.00"), BigDecimal.valueOf(1000), ibkr));
        // 201 × 0.005 = 1.005 → 1.0050
        assertEquals(d("1.0050"), Commission.of(d("20100.00"), BigDecimal.valueOf(201), ibkr));
    }

    @Test
    void bpsAndPerShareRatesAdd() {
        // 1000.50 × 10/10^4 = 1.0005, plus 10 × 0.005 = 0.05 → 1.0505
        assertEquals(d("1.0505"), Commission.of(d("1000.50"), BigDecimal.valueOf(10), costs("10", "0.005", "0", "0")));
        // 1000.50 × 10/10^4 = 1.0005 → 1.0005
        assertEquals(d("1.0005"), Commission.of(d("1000.50"), BigDecimal.valueOf(10), costs("10", "0", "0", "0")));
    }

    @Test
    void commissionRoundsToFourDecimalsHalfUp() {
        // 1234.5678 × 1/10^4 = 0.12345678 → 0.1235
        assertEquals(d("0.1235"), Commission.of(d("1234.5678"), BigDecimal.valueOf(3), costs("1", "0", "0", "0")));
        // 1000.05 × 0.5/10^4 = 0.050002500 → 0.0500; 1001.00 × 0.5/10^4 = 0.05005 → 0.0501 (HALF_UP tie)
        assertEquals(d("0.0500"), Commission.of(d("1000.05"), BigDecimal.valueOf(1), costs("0.5", "0", "0", "0")));
        assertEquals(d("0.0501"), Commission.of(d("1001.00"), BigDecimal.valueOf(1), costs("0.5", "0", "0", "0")));
    }

    @Test
    void theMinimumAloneChargesNothing() {
        assertSame(BigDecimal.ZERO, Commission.of(d("1000.00"), BigDecimal.valueOf(10), costs("0", "0", "1.00", "0")));
        assertSame(BigDecimal.ZERO, Commission.of(d("1000.00"), BigDecimal.valueOf(10), TradingRules.NONE));
    }
}
