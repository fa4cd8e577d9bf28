package io.aitrader.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The days a market trades on (contract 4.1 and 12); the moves between them follow from {@link #isTradingDay}. */
public interface MarketCalendar {

    boolean isTradingDay(LocalDate date);

    /** The weekday closures of one year (holidays and special closures), for reports and tests. */
    Set<LocalDate> holidays(int year);

    /** The calendar in one line for the system prompt, e.g. "NYSE trading days (weekdays except exchange holidays)". */
    String describe();

    /** The first trading day strictly after {@code date}. */
    default LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last trading day strictly before {@code date}. */
    default LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Every trading day from {@code from} to {@code to}, both inclusive, in order; empty when from is after to. */
    default List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }
}
