package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.aitrader.prices.AlphaVantageBodies;
import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.prices.TradingCalendar;

/** Scripts the stand-in with every trading day of January to August 2025 for the download tests' symbols. */
final class StandInSeries {

    private StandInSeries() {
    }

    static void serve(FakeAlphaVantage alphaVantage, TradingCalendar calendar) {
        List<LocalDate> days = new ArrayList<>(calendar.tradingDays(LocalDate.of(2025, 1, 2),
                LocalDate.of(2025, 8, 29)));
        Collections.reverse(days); // Alpha Vantage lists the newest first
        LocalDate[] newestFirst = days.toArray(LocalDate[]::new);
        AlphaVantageProfile.SYMBOLS.forEach(s -> alphaVantage.ok(s, AlphaVantageBodies.daily(s, newestFirst)));
    }
}
