package io.aitrader.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Shanghai Stock Exchange trading days: weekdays minus the closures the exchange announces each year (they follow the
 * State Council's holiday plan, so no rule computes them). The lists are the SSE's notices on its 2024 and 2025
 * holiday arrangements, transcribed without network access: check them before relying on them. A year without a list
 * counts every weekday; the prices then decide, as for any date without data (contract 4.1).
 */
final class SseCalendar implements MarketCalendar {

    static final SseCalendar INSTANCE = new SseCalendar();

    static final Map<Integer, Set<LocalDate>> CLOSURES = Map.of(
            2024, closures(
                    range(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1)),
                    range(LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 17)),
                    range(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 5)),
                    range(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 5)),
                    range(LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 10)),
                    range(LocalDate.of(2024, 9, 16), LocalDate.of(2024, 9, 17)),
                    range(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 7))),
            2025, closures(
                    range(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)),
                    range(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4)),
                    range(LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 4)),
                    range(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5)),
                    range(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 2)),
                    range(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8))));

    private SseCalendar() {
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !CLOSURES.getOrDefault(date.getYear(), Set.of()).contains(date);
    }

    @Override
    public Set<LocalDate> holidays(int year) {
        return CLOSURES.getOrDefault(year, Set.of());
    }

    @Override
    public String describe() {
        return "Shanghai Stock Exchange trading days (weekdays except the exchange's holiday closures, such as the"
                + " Spring Festival and National Day weeks)";
    }

    /** The weekdays of the given ranges (a closure over a weekend closes only its weekdays). */
    @SafeVarargs
    private static Set<LocalDate> closures(Set<LocalDate>... ranges) {
        Set<LocalDate> closed = new HashSet<>();
        for (Set<LocalDate> range : ranges) {
            range.stream().filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                    .forEach(closed::add);
        }
        return Set.copyOf(closed);
    }

    private static Set<LocalDate> range(LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
