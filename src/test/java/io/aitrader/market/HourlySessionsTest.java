package io.aitrader.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hourly sessions of each market (contract 13), by the start of their 60-minute bar in the market's time. */
class HourlySessionsTest {

    private static List<String> times(List<LocalDateTime> sessions) {
        return sessions.stream().map(s -> s.toLocalTime().toString()).toList();
    }

    @Test
    void aUsDayHasTheSevenBarsThatOverlapRegularHours() {
        LocalDate tuesday = LocalDate.of(2025, 3, 4);
        List<LocalDateTime> sessions = Market.US.sessions(tuesday);
        assertEquals(List.of("09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00"), times(sessions));
        assertTrue(sessions.stream().allMatch(s -> s.toLocalDate().equals(tuesday)));
    }

    @Test
    void theNyseEarlyClosesHaveFourBars() {
        // 2025: Thursday July 3, the Friday after Thanksgiving, Wednesday Christmas Eve; 2023: Monday July 3
        for (LocalDate early : List.of(LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28),
                LocalDate.of(2025, 12, 24), LocalDate.of(2023, 7, 3), LocalDate.of(2024, 12, 24))) {
            assertEquals(List.of("09:00", "10:00", "11:00", "12:00"), times(Market.US.sessions(early)), early + "");
        }
        // a Friday July 3 is the observed holiday (2026), a Friday Christmas Eve too (2021): closed, no sessions
        assertEquals(List.of(), Market.US.sessions(LocalDate.of(2026, 7, 3)));
        assertEquals(List.of(), Market.US.sessions(LocalDate.of(2021, 12, 24)));
        // the day before an early close and Christmas Eve on a weekend change nothing
        assertEquals(7, Market.US.sessions(LocalDate.of(2025, 7, 2)).size());
        assertEquals(7, Market.US.sessions(LocalDate.of(2025, 11, 26)).size());
        assertEquals(List.of(), Market.US.sessions(LocalDate.of(2025, 3, 8)), "a Saturday");
    }

    @Test
    void aCryptoDayHas24BarsEveryDayAndShanghaiTradesNoHours() {
        List<LocalDateTime> sunday = Market.CRYPTO.sessions(LocalDate.of(2025, 3, 9));
        assertEquals(24, sunday.size());
        assertEquals("00:00", sunday.get(0).toLocalTime().toString());
        assertEquals("23:00", sunday.get(23).toLocalTime().toString());
        assertTrue(Market.CRYPTO.tradesHourly() && Market.US.tradesHourly());
        assertFalse(Market.CN.tradesHourly());
        assertEquals(List.of(), Market.CN.sessions(LocalDate.of(2025, 3, 4)));
    }
}
