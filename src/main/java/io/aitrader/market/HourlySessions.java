package io.aitrader.market;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of an hourly trading day (contract 13): one per 60-minute bar, named by the bar's start in the
 * market's time. Alpha Vantage stamps an intraday bar with its start (its 2025 answers run 04:00–19:00 with extended
 * hours and never 20:00, and the bar stamped 09:00 holds the 09:30 opening trade), and its 60-minute bars are on the
 * hour. So a US day has the bars that overlap regular hours, 09:30 to the close: 09:00 to 15:00, seven of them, or
 * 09:00 to 12:00 on a day that closes at 13:00. A crypto day has 24, 00:00 to 23:00 UTC.
 */
public final class HourlySessions {

    static final LocalTime US_OPEN = LocalTime.of(9, 30);
    static final LocalTime US_CLOSE = LocalTime.of(16, 0);
    static final LocalTime US_EARLY_CLOSE = LocalTime.of(13, 0);

    private HourlySessions() {
    }

    /** The bars from the hour holding {@code open} to the last one that starts before {@code close}. */
    static List<LocalDateTime> between(LocalDate date, LocalTime open, LocalTime close) {
        List<LocalDateTime> bars = new ArrayList<>();
        for (LocalTime start = open.withMinute(0); start.isBefore(close); start = start.plusHours(1)) {
            bars.add(date.atTime(start));
            if (start.getHour() == 23) {
                break; // the last bar of a calendar day
            }
        }
        return List.copyOf(bars);
    }

    static List<LocalDateTime> allDay(LocalDate date) {
        return between(date, LocalTime.MIDNIGHT, LocalTime.MAX);
    }
}
