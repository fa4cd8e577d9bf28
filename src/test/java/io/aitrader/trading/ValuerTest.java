package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValuerTest {

    static final LocalDate FRIDAY = LocalDate.of(2025, 10, 3);
    static final LocalDate MONDAY = LocalDate.of(2025, 10, 6);
    static final LocalDate TUESDAY = LocalDate.of(2025, 10, 7);
    static final PriceTable PRICES = PriceTable.builder()
            .add("AAPL", FRIDAY, new BigDecimal("255.88"), new BigDecimal("260.00"))
            .add("AAPL", MONDAY, new BigDecimal("262.10"), new BigDecimal("258.33"))
            .add("AAPL", TUESDAY, new BigDecimal("259.00"), null)
            .add("NVDA", FRIDAY, new BigDecimal("181.02"), new BigDecimal("180.00"))
            .add("HALF", MONDAY, new BigDecimal("100.00"), new BigDecimal("100.125"))
            .build();

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void firstDayProfitIsAgainstInitialCash() {
        Portfolio start = Portfolio.cashOnly(new BigDecimal("10000.00"));
        DayLedger ledger = new DayLedger(FRIDAY, start, PRICES, Set.of("AAPL"));
        ledger.buy("AAPL", BigDecimal.valueOf(20));

        DayValuation day = Valuer.valueDay(FRIDAY, start, ledger.current(), PRICES, new BigDecimal("10000.00"));

        assertMoney("10000.00", day.startingValue());
        assertMoney("10082.40", day.endingValue());
        assertMoney("82.40", day.profit());
        assertMoney("0.824", day.returnPct());
        assertEquals(List.of(), day.warnings());
        assertEquals(new BigDecimal("0.8240"), day.reported().returnPct());
        assertEquals(new BigDecimal("10082.40"), day.reported().endingValue());
    }

    @Test
    void mondayChainsFromFridaysEndingValue() {
        Portfolio friday = new Portfolio(new BigDecimal("4882.40"), Map.of("AAPL", BigDecimal.valueOf(20)));
        DayValuation fridayValue = Valuer.valueDay(FRIDAY, Portfolio.cashOnly(new BigDecimal("10000")), friday, PRICES,
                new BigDecimal("10000"));

        DayValuation monday = Valuer.valueDay(MONDAY, friday, friday, PRICES, fridayValue.endingValue());

        assertMoney("10124.40", monday.startingValue());
        assertMoney("10049.00", monday.endingValue());
        assertMoney("-33.40", monday.profit());
        assertEquals(new BigDecimal("-0.3313"), monday.reported().returnPct());
        assertEquals(new BigDecimal("-33.40"), monday.reported().profit());
        // exact internally: only the reported figure is rounded
        assertTrue(monday.returnPct().scale() > 4, monday.returnPct().toPlainString());
    }

    @Test
    void openOnlyDayIsValuedAtTheOpen() {
        Portfolio portfolio = new Portfolio(new BigDecimal("10.00"), Map.of("AAPL", BigDecimal.valueOf(2)));

        DayValuation tuesday = Valuer.valueDay(TUESDAY, portfolio, portfolio, PRICES, new BigDecimal("526.66"));

        assertMoney("528.00", tuesday.startingValue());
        assertMoney("528.00", tuesday.endingValue());
        assertMoney("1.34", tuesday.profit());
        assertEquals(List.of(), tuesday.warnings());
    }

    @Test
    void heldSymbolWithoutAPriceIsValuedAtItsLastKnownPriceWithAWarning() {
        Portfolio portfolio = new Portfolio(new BigDecimal("100.00"),
                Map.of("AAPL", BigDecimal.valueOf(1), "NVDA", BigDecimal.valueOf(10)));

        DayValuation monday = Valuer.valueDay(MONDAY, portfolio, portfolio, PRICES, new BigDecimal("2000.00"));

        assertMoney("2162.10", monday.startingValue());
        assertMoney("2158.33", monday.endingValue());
        assertMoney("158.33", monday.profit());
        assertEquals(1, monday.warnings().size(), monday.warnings().toString());
        assertTrue(monday.warnings().get(0).contains("NVDA"), monday.warnings().get(0));
        assertTrue(monday.warnings().get(0).contains("180.00"), monday.warnings().get(0));
    }

    @Test
    void symbolNeverPricedCountsAsZeroWithAWarning() {
        Portfolio portfolio = new Portfolio(new BigDecimal("50"), Map.of("GHOST", BigDecimal.valueOf(3)));

        DayValuation day = Valuer.valueDay(MONDAY, portfolio, portfolio, PRICES, new BigDecimal("50"));

        assertMoney("50", day.endingValue());
        assertMoney("0", day.profit());
        assertMoney("0", day.returnPct());
        assertEquals(1, day.warnings().size());
        assertTrue(day.warnings().get(0).contains("GHOST"));
    }

    @Test
    void reportedMoneyRoundsHalfUp() {
        Portfolio portfolio = new Portfolio(BigDecimal.ZERO, Map.of("HALF", BigDecimal.valueOf(1)));

        DayValuation day = Valuer.valueDay(MONDAY, portfolio, portfolio, PRICES, new BigDecimal("100"));

        assertEquals(new BigDecimal("100.125"), day.endingValue());
        assertEquals(new BigDecimal("100.13"), day.reported().endingValue());
        assertEquals(new BigDecimal("0.13"), day.reported().profit());
        assertEquals(new BigDecimal("0.1250"), day.reported().returnPct());
    }

    @Test
    void zeroPreviousValueHasNoReturnPercent() {
        Portfolio empty = Portfolio.cashOnly(BigDecimal.ZERO);

        DayValuation day = Valuer.valueDay(MONDAY, empty, empty, PRICES, BigDecimal.ZERO);

        assertMoney("0", day.profit());
        assertNull(day.returnPct());
        assertNull(day.reported().returnPct());
    }
}
