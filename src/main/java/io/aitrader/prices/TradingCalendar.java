package io.aitrader.prices;

import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.market.Market;
import io.aitrader.market.MarketCalendar;

/**
 * The trading calendars as a bean: itself the default market's ({@link Market#US}, the NYSE's), and each symbol's
 * through {@link #ofSymbol}; a job uses its config's market's calendar ({@link Market#calendar}).
 */
@ApplicationScoped
public class TradingCalendar implements MarketCalendar {

    private static final MarketCalendar DEFAULT = Market.US.calendar();

    /** The calendar of the market {@code symbol} trades on (see {@link Market#ofSymbol}). */
    public MarketCalendar ofSymbol(String symbol) {
        return Market.ofSymbol(symbol).calendar();
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return DEFAULT.isTradingDay(date);
    }

    @Override
    public Set<LocalDate> holidays(int year) {
        return DEFAULT.holidays(year);
    }

    @Override
    public String describe() {
        return DEFAULT.describe();
    }
}
