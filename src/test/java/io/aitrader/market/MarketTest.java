package io.aitrader.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.rules.TradingRules;

class MarketTest {

    /** Issue 19's list of 2025 SSE closures: Jan 1, Jan 28–Feb 4, Apr 4, May 1–5, Jun 2, Oct 1–8 (and weekends). */
    @Test
    void theSseCalendarOf2025ClosesOnTheExchangesHolidays() {
        MarketCalendar sse = Market.CN.calendar();
        List<LocalDate> closedWeekdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !sse.isTradingDay(d)) {
                closedWeekdays.add(d);
            }
            if (weekend) {
                assertFalse(sse.isTradingDay(d), d + " is a weekend");
            }
        }
        List<LocalDate> expected = new ArrayList<>();
        expected.add(LocalDate.of(2025, 1, 1));
        expected.addAll(List.of(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29), LocalDate.of(2025, 1, 30),
                LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 4)));
        expected.add(LocalDate.of(2025, 4, 4));
        expected.addAll(List.of(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 5)));
        expected.add(LocalDate.of(2025, 6, 2));
        expected.addAll(List.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3),
                LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8)));
        assertEquals(expected, closedWeekdays);
        // 261 weekdays in 2025 less the 18 closed ones
        assertEquals(243, sse.tradingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size());
        assertEquals(LocalDate.of(2025, 2, 5), sse.nextTradingDay(LocalDate.of(2025, 1, 27)));
        assertEquals(LocalDate.of(2025, 9, 30), sse.previousTradingDay(LocalDate.of(2025, 10, 9)));
    }

    @Test
    void cryptoTradesEveryCalendarDay() {
        MarketCalendar crypto = Market.CRYPTO.calendar();
        assertEquals(365, crypto.tradingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size());
        assertTrue(crypto.isTradingDay(LocalDate.of(2025, 12, 25)));
        assertEquals(LocalDate.of(2025, 10, 4), crypto.nextTradingDay(LocalDate.of(2025, 10, 3))); // a Saturday
    }

    @Test
    void theUsMarketIsTheNyseAndEasterIsComputed() {
        assertEquals(LocalDate.of(2024, 3, 31), NyseCalendar.easterSunday(2024));
        assertEquals(LocalDate.of(2000, 4, 23), NyseCalendar.easterSunday(2000));
        assertEquals(LocalDate.of(2035, 3, 25), NyseCalendar.easterSunday(2035));
        assertFalse(Market.US.calendar().isTradingDay(LocalDate.of(2025, 4, 18))); // Good Friday
        assertTrue(Market.CN.calendar().isTradingDay(LocalDate.of(2025, 4, 18)));
        assertEquals(250, Market.US.calendar().tradingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .size());
    }

    @Test
    void eachMarketSetsItsDefaults() {
        assertEquals(TradingRules.NONE, Market.US.rules());
        TradingRules cn = Market.CN.rules();
        assertEquals(100, cn.lotSize());
        assertEquals(TradingRules.Settlement.T1, cn.settlement());
        assertEquals(0, BigDecimal.TEN.compareTo(cn.priceLimitPct()));
        assertEquals("CNY", Market.CN.currency());
        assertEquals("510050.SHH", Market.CN.benchmark());
        assertEquals(0, BigDecimal.valueOf(100_000).compareTo(Market.CN.initialCash()));
        assertEquals("BTC", Market.CRYPTO.benchmark());
        assertEquals(0, BigDecimal.valueOf(50_000).compareTo(Market.CRYPTO.initialCash()));
        assertEquals(Optional.of(Market.CRYPTO), Market.byId(" Crypto "));
        assertEquals(Optional.empty(), Market.byId("hk"));
        assertEquals(Market.CN, Market.ofSymbol("600519.SHH"));
        assertEquals(Market.US, Market.ofSymbol("AAPL"));
    }
}
