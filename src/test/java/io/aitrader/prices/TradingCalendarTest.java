package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    private final TradingCalendar calendar = new TradingCalendar();

    @Test
    void all2025ClosuresAreExactlyTheNyseHolidaysAndCarterDay() {
        Set<LocalDate> expected = Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 9),
                LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 17), LocalDate.of(2025, 4, 18),
                LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 19), LocalDate.of(2025, 7, 4),
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25));
        assertEquals(expected, calendar.holidays(2025));
        expected.forEach(day -> assertFalse(calendar.isTradingDay(day), day + " is a holiday"));
    }

    @Test
    void year2025Has250TradingDays() {
        List<LocalDate> days = calendar.tradingDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals(250, days.size());
        assertEquals(LocalDate.of(2025, 1, 2), days.get(0));
        assertEquals(LocalDate.of(2025, 12, 31), days.get(249));
        assertTrue(days.stream().noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY));
    }

    @Test
    void sharedDataRangesMatchTheCalendar() {
        // The real files: 121 days from 2025-01-02 to 06-27, 100 days from 06-10 to 10-30.
        assertEquals(121, calendar.tradingDays(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 6, 27)).size());
        assertEquals(100, calendar.tradingDays(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 10, 30)).size());
    }

    @Test
    void weekendHolidaysAreObservedOnTheNearestWeekday() {
        assertFalse(calendar.isTradingDay(LocalDate.of(2021, 7, 5)), "July 4th 2021 was a Sunday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2022, 12, 26)), "Christmas 2022 was a Sunday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2027, 6, 18)), "Juneteenth 2027 is a Saturday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2022, 6, 20)), "Juneteenth 2022 was a Sunday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2020, 7, 3)), "July 4th 2020 was a Saturday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2021, 12, 24)), "Christmas 2021 was a Saturday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2023, 1, 2)), "New Year 2023 was a Sunday");
        assertTrue(calendar.isTradingDay(LocalDate.of(2021, 6, 18)), "Juneteenth is a holiday only from 2022");
    }

    @Test
    void newYearOnSaturdayIsNotObservedOnDecember31() {
        assertTrue(calendar.isTradingDay(LocalDate.of(2021, 12, 31)));
        assertTrue(calendar.isTradingDay(LocalDate.of(2010, 12, 31)));
        assertTrue(calendar.isTradingDay(LocalDate.of(2027, 12, 31)));
        assertTrue(calendar.isTradingDay(LocalDate.of(2022, 1, 3)));
    }

    @Test
    void goodFridayFollowsEaster() {
        for (LocalDate goodFriday : List.of(LocalDate.of(2024, 3, 29), LocalDate.of(2025, 4, 18),
                LocalDate.of(2026, 4, 3), LocalDate.of(2019, 4, 19), LocalDate.of(2008, 3, 21))) {
            assertFalse(calendar.isTradingDay(goodFriday), goodFriday + " is Good Friday");
            assertTrue(calendar.isTradingDay(goodFriday.minusDays(1)));
        }
    }

    @Test
    void specialClosures() {
        for (LocalDate d : List.of(LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11),
                LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
                LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9))) {
            assertFalse(calendar.isTradingDay(d), d + " was closed");
        }
        assertTrue(calendar.isTradingDay(LocalDate.of(2001, 9, 17)));
    }

    @Test
    void rulesForOtherHolidays() {
        assertFalse(calendar.isTradingDay(LocalDate.of(2024, 5, 27)), "Memorial Day: last Monday of May");
        assertFalse(calendar.isTradingDay(LocalDate.of(2026, 11, 26)), "Thanksgiving: 4th Thursday");
        assertFalse(calendar.isTradingDay(LocalDate.of(2026, 1, 19)), "MLK: 3rd Monday of January");
        assertFalse(calendar.isTradingDay(LocalDate.of(2026, 2, 16)), "Presidents Day: 3rd Monday of February");
        assertFalse(calendar.isTradingDay(LocalDate.of(2026, 9, 7)), "Labor Day: 1st Monday of September");
        assertTrue(calendar.isTradingDay(LocalDate.of(2026, 11, 27)), "the day after Thanksgiving is open");
    }

    @Test
    void nextAndPreviousSkipWeekendsAndHolidays() {
        assertEquals(LocalDate.of(2025, 1, 10), calendar.nextTradingDay(LocalDate.of(2025, 1, 8)));
        assertEquals(LocalDate.of(2025, 1, 8), calendar.previousTradingDay(LocalDate.of(2025, 1, 10)));
        assertEquals(LocalDate.of(2025, 4, 21), calendar.nextTradingDay(LocalDate.of(2025, 4, 17)));
        assertEquals(LocalDate.of(2025, 4, 17), calendar.previousTradingDay(LocalDate.of(2025, 4, 21)));
        assertEquals(LocalDate.of(2026, 1, 2), calendar.nextTradingDay(LocalDate.of(2025, 12, 31)));
        assertTrue(calendar.tradingDays(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1)).isEmpty());
        assertEquals(List.of(LocalDate.of(2025, 1, 8), LocalDate.of(2025, 1, 10)),
                calendar.tradingDays(LocalDate.of(2025, 1, 8), LocalDate.of(2025, 1, 10)));
    }
}
