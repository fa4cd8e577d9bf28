package io.aitrader.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.PriceBar;

class MetricsTest {

    private static final double EPS = 1e-9;
    private static final LocalDate MON = LocalDate.of(2025, 3, 3);
    private static final List<LocalDate> FOUR_DAYS = List.of(MON, MON.plusDays(1), MON.plusDays(2), MON.plusDays(3));

    @Test
    void drawdownIsTheDeepestFallFromARunningPeakAndTheSeriesEndsBelowItsStart() {
        // 100 → 110, 99, 121, 96.8: daily returns +10%, −10%, +22.2̅%, −20%.
        Metrics m = Metrics.of(100, FOUR_DAYS, new double[]{110, 99, 121, 96.8}, 0);
        assertEquals(-3.2, m.periodReturnPct(), EPS); // 96.8 / 100 − 1
        assertEquals(4, m.tradingDays());
        assertEquals(4, m.calendarDays());
        assertEquals((Math.pow(0.968, 365.0 / 4) - 1) * 100, m.annualizedReturnPct(), EPS); // ≈ −94.858
        assertEquals(-94.85806769906443, m.annualizedReturnPct(), 1e-9);
        // 110 → 99 is −10%, but 121 → 96.8 is −20%: the later, deeper fall wins.
        assertEquals(-20.0, m.maxDrawdownPct(), EPS);
        assertEquals(MON.plusDays(2), m.peakDate());
        assertEquals(MON.plusDays(3), m.troughDate());
        // mean = (0.1 − 0.1 + 2/9 − 0.2) / 4 = 1/180; sample stdev over 4 returns ≈ 0.1908396.
        assertEquals(0.19083960041464082 * Math.sqrt(252) * 100, m.volatilityPct(), 1e-9);
        assertEquals(302.94847380004717, m.volatilityPct(), 1e-9);
        assertEquals((1.0 / 180) / 0.19083960041464082 * Math.sqrt(252), m.sharpeRatio(), 1e-9);
    }

    @Test
    void sortinoCalmarAndWinRateOfTheSameSeriesWorkedOutByHand() {
        // returns +10 %, −10 %, +22.2̅ %, −20 %: two of four above 0
        Metrics m = Metrics.of(100, FOUR_DAYS, new double[]{110, 99, 121, 96.8}, 0);
        assertEquals(50.0, m.winRatePct(), EPS);
        // downside: √((0.1² + 0.2²) / 4) = √0.0125 = 0.1118034; mean 1/180; × √252
        assertEquals((1.0 / 180) / Math.sqrt(0.0125) * Math.sqrt(252), m.sortinoRatio(), 1e-9);
        assertEquals(0.788810637746, m.sortinoRatio(), 1e-9);
        // annualized −94.858 % over a 20 % drawdown
        assertEquals(-94.85806769906443 / 20, m.calmarRatio(), 1e-9);
        // a 2 % a year risk-free rate moves every return down by 0.02 / 252 before the downside is taken
        double rf = 0.02 / 252;
        Metrics withRate = Metrics.of(100, FOUR_DAYS, new double[]{110, 99, 121, 96.8}, 2);
        double downside = Math.sqrt((Math.pow(-0.1 - rf, 2) + Math.pow(-0.2 - rf, 2)) / 4);
        assertEquals((1.0 / 180 - rf) / downside * Math.sqrt(252), withRate.sortinoRatio(), 1e-9);
    }

    @Test
    void withoutALosingDayThereIsNoSortinoAndWithoutAFallNoCalmar() {
        Metrics m = Metrics.of(100, FOUR_DAYS, new double[]{101, 102, 103, 104}, 0);
        assertNull(m.sortinoRatio());
        assertNull(m.calmarRatio());
        assertEquals(100.0, m.winRatePct(), EPS);
    }

    @Test
    void aFlatSeriesHasNoReturnNoVolatilityNoDrawdownAndNoSharpe() {
        Metrics m = Metrics.of(10_000, FOUR_DAYS.subList(0, 3), new double[]{10_000, 10_000, 10_000}, 4.5);
        assertEquals(0.0, m.periodReturnPct(), EPS);
        assertEquals(0.0, m.annualizedReturnPct(), EPS);
        assertEquals(0.0, m.volatilityPct(), EPS);
        assertNull(m.sharpeRatio(), "a zero deviation has no Sharpe ratio");
        assertEquals(0.0, m.maxDrawdownPct(), EPS);
        assertNull(m.peakDate());
        assertNull(m.troughDate());
        assertEquals(3, m.calendarDays());
    }

    @Test
    void aSingleDayHasAReturnButNoVolatility() {
        Metrics m = Metrics.of(100, List.of(MON), new double[]{101}, 0);
        assertEquals(1.0, m.periodReturnPct(), EPS);
        assertEquals(1, m.tradingDays());
        assertEquals(1, m.calendarDays());
        assertEquals((Math.pow(1.01, 365) - 1) * 100, m.annualizedReturnPct(), 1e-6); // ≈ 3678.34
        assertEquals(3678.343433288728, m.annualizedReturnPct(), 1e-6);
        assertNull(m.volatilityPct(), "one return has no sample deviation");
        assertNull(m.sharpeRatio());
        assertEquals(0.0, m.maxDrawdownPct(), EPS);
    }

    @Test
    void aFallFromTheStartIsDatedFromTheFirstDay() {
        Metrics m = Metrics.of(100, FOUR_DAYS.subList(0, 2), new double[]{95, 90}, 0);
        assertEquals(-10.0, m.periodReturnPct(), EPS);
        assertEquals(-10.0, m.maxDrawdownPct(), EPS);
        assertEquals(MON, m.peakDate(), "the starting value is the peak, dated the first day");
        assertEquals(MON.plusDays(1), m.troughDate());
    }

    @Test
    void sharpeSubtractsTheDailyRiskFreeRate() {
        // +1% then −1%: mean 0, stdev √((0.01² + 0.01²) / 1) = 0.0141421…; 2.52% a year is 0.0001 a day.
        double[] values = {101, 99.99};
        double stdev = Math.sqrt(0.0002);
        Metrics free = Metrics.of(100, FOUR_DAYS.subList(0, 2), values, 0);
        assertEquals(stdev * Math.sqrt(252) * 100, free.volatilityPct(), 1e-9); // ≈ 22.45
        assertEquals(0.0, free.sharpeRatio(), 1e-9);
        Metrics withRate = Metrics.of(100, FOUR_DAYS.subList(0, 2), values, 2.52);
        assertEquals(-0.0001 / stdev * Math.sqrt(252), withRate.sharpeRatio(), 1e-9); // ≈ −0.1122
        assertEquals(-0.11224972160321825, withRate.sharpeRatio(), 1e-9);
    }

    @Test
    void aZeroStartHasNoReturn() {
        Metrics m = Metrics.of(0, List.of(MON), new double[]{10}, 0);
        assertNull(m.periodReturnPct());
        assertNull(m.annualizedReturnPct());
    }

    @Test
    void buyAndHoldBuysWholeSharesAtTheFirstOpenAndValuesAtEachClose() {
        List<PriceBar> bars = List.of(bar(MON, "100.30", "101.00"), bar(MON.plusDays(1), "101.50", "99.25"),
                bar(MON.plusDays(2), "98.00", null));
        BuyAndHold hold = BuyAndHold.of("QQQ", new BigDecimal("10000"), bars, 0).orElseThrow();
        assertEquals(BigDecimal.valueOf(99), hold.shares()); // ⌊10000 / 100.30⌋
        assertEquals(0, new BigDecimal("70.30").compareTo(hold.cash())); // 10000 − 99 · 100.30
        assertEquals(70.30 + 99 * 101.00, hold.values()[0], 1e-9);
        assertEquals(70.30 + 99 * 99.25, hold.values()[1], 1e-9);
        assertEquals(70.30 + 99 * 98.00, hold.values()[2], 1e-9, "the open stands in for a missing close");
        assertEquals(List.of(MON, MON.plusDays(1), MON.plusDays(2)), hold.dates());
    }

    @Test
    void buyAndHoldOfACoinBuysToSixDecimals() {
        List<PriceBar> bars = List.of(bar(MON, "96123.45", "97000.00"), bar(MON.plusDays(1), "97000.00", "95000.50"));
        BuyAndHold hold = BuyAndHold.of("BTC", new BigDecimal("50000"), bars, 6).orElseThrow();
        assertEquals(new BigDecimal("0.520164"), hold.shares()); // 50000 / 96123.45 = 0.5201644...
        // the cash left is less than a millionth of a coin costs
        assertEquals(0,
                new BigDecimal("50000").subtract(new BigDecimal("0.520164").multiply(new BigDecimal("96123.45")))
                        .compareTo(hold.cash()));
        assertTrue(hold.cash().compareTo(new BigDecimal("0.09612345")) < 0);
        assertEquals(hold.cash().doubleValue() + 0.520164 * 95000.50, hold.values()[1], 1e-6);
    }

    private static PriceBar bar(LocalDate date, String open, String close) {
        return new PriceBar("QQQ", date, new BigDecimal(open), null, null, close == null ? null : new BigDecimal(close),
                null, PriceBar.SOURCE_FILE);
    }
}
