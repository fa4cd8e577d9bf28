package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aitrader.market.Market;
import io.aitrader.prices.IntradayBar;
import io.aitrader.prices.PriceBar;
import io.aitrader.prices.SyntheticIntraday;

/**
 * What one hourly session trades and is valued on (contract 13): its own bar's open and close, the earlier bars of
 * its day, earlier days in full; never a later bar, and never the day's own daily close.
 */
class SessionPricesTest {

    static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);
    static final LocalDateTime TEN = TUESDAY.atTime(10, 0);
    static final PriceTable DAILY = PriceTable.builder()
            .add("AAA", MONDAY, d("99.00"), d("100.00")).add("AAA", TUESDAY, d("100.50"), d("108.00"))
            .add("BBB", MONDAY, d("49.00"), d("50.00")).add("BBB", TUESDAY, d("50.50"), d("55.00"))
            .build();
    static final List<IntradayBar> BARS = List.of(
            bar("AAA", 9, "100.50", "101.00"), bar("AAA", 10, "101.00", "102.00"), bar("AAA", 11, "102.00", "107.00"),
            bar("BBB", 9, "50.50", "51.25"), bar("BBB", 11, "51.00", "54.00"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static IntradayBar bar(String symbol, int hour, String open, String close) {
        return new IntradayBar(symbol, TUESDAY.atTime(hour, 0), d(open), d(open).max(d(close)),
                d(open).min(d(close)), d(close), 1000L, PriceBar.SOURCE_FILE);
    }

    @Test
    void aSessionSeesItsOwnOpenTheEarlierBarsAndEarlierDaysButNothingLater() {
        SessionPrices prices = new SessionPrices(DAILY, TEN, BARS);
        assertEquals(Optional.of(d("101.00")), prices.open("AAA", TUESDAY), "its own bar's open");
        assertEquals(Optional.of(d("102.00")), prices.close("AAA", TUESDAY), "its own bar's close, for valuation");
        assertEquals(Optional.of(d("100.00")), prices.close("AAA", MONDAY), "earlier days in full");
        assertEquals(Optional.empty(), prices.open("AAA", TUESDAY.plusDays(1)));
        assertEquals(Optional.of(d("102.00")), prices.lastKnown("AAA", TUESDAY), "not the 11:00 close, 107");
        assertEquals(List.of(TUESDAY.atTime(9, 0)), prices.earlier("AAA").stream().map(IntradayBar::start).toList());
        PriceBar today = prices.bar("AAA", TUESDAY).orElseThrow();
        assertEquals(d("101.00"), today.open());
        assertFalse(today.hasClose(), "today shows only the open: the day's close (108) stays unseen");

        // BBB has no 10:00 bar: no price this session, valued at its 09:00 close (not the day's 55, not 11:00's 54)
        assertEquals(Optional.empty(), prices.open("BBB", TUESDAY));
        assertEquals(Optional.of(d("51.25")), prices.lastKnown("BBB", TUESDAY));
        assertEquals(Optional.of(d("50.00")), new SessionPrices(DAILY, TUESDAY.atTime(9, 0), List.of())
                .lastKnown("BBB", TUESDAY), "without bars today, the previous close");
    }

    @Test
    void theLedgerFillsAtTheSessionOpenAndTheValuerValuesAtItsClose() {
        SessionPrices prices = new SessionPrices(DAILY, TEN, BARS);
        Portfolio start = new Portfolio(d("1000"), Map.of("BBB", BigDecimal.ONE));
        DayLedger ledger = new DayLedger(TUESDAY, start, prices, Set.of("AAA", "BBB"));
        OrderResult bought = ledger.buy("AAA", BigDecimal.valueOf(3));
        assertTrue(bought.accepted(), bought::message);
        assertEquals(d("303.00"), bought.trade().total(), "3 × 101.00, the 10:00 open");
        assertEquals("no_price", ledger.sell("BBB", BigDecimal.ONE).code(), "no 10:00 bar: not tradeable now");
        DayValuation value = Valuer.valueDay(TUESDAY, start, ledger.current(), prices, d("1050"));
        // 697 cash + 3 × 102.00 (10:00 close) + 1 BBB at 51.25 (its last close) = 1054.25
        assertEquals(0, d("1054.25").compareTo(value.endingValue()), value.toString());
        assertEquals(0, d("4.25").compareTo(value.profit()));
    }

    @Test
    void aDayWithoutStoredBarsGetsSyntheticOnesAndAStoredDayKeepsItsGaps() {
        PriceBar tuesday = new PriceBar("BBB", TUESDAY, d("50.50"), d("56.00"), d("50.00"), d("55.00"), 7000L,
                PriceBar.SOURCE_FILE);
        List<LocalDateTime> sessions = Market.US.sessions(TUESDAY);
        assertEquals(BARS.subList(3, 5), SyntheticIntraday.orStored(BARS, tuesday, sessions));
        List<IntradayBar> made = SyntheticIntraday.orStored(BARS.subList(0, 3), tuesday, sessions);
        assertEquals(7, made.size());
        assertEquals(PriceBar.SOURCE_SYNTHETIC, made.get(0).source());
        assertEquals(d("50.50"), made.get(0).open());
    }
}
