package io.aitrader.market;

import java.time.LocalDate;
import java.util.Set;

/** Crypto: every calendar day (UTC) is a trading day. */
final class EveryDayCalendar implements MarketCalendar {

    static final EveryDayCalendar INSTANCE = new EveryDayCalendar();

    private EveryDayCalendar() {
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return true;
    }

    @Override
    public Set<LocalDate> holidays(int year) {
        return Set.of();
    }

    @Override
    public String describe() {
        return "every calendar day (UTC), weekends and holidays included";
    }
}
