package io.aitrader.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NYSE trading days: weekdays minus the exchange's holidays, computed by rule (checked for 2000–2035), plus the known
 * special closures. Holidays on a Saturday are observed the Friday before, on a Sunday the Monday after; New Year's
 * Day on a Saturday is not observed at all (the NYSE stays open on Dec 31).
 */
final class NyseCalendar implements MarketCalendar {

    static final NyseCalendar INSTANCE = new NyseCalendar();

    /** Unscheduled closures: 9/11, Reagan, Ford, hurricane Sandy, G.H.W. Bush and Carter national days of mourning. */
    static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2),
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));

    private final Map<Integer, Set<LocalDate>> closedByYear = new ConcurrentHashMap<>();

    private NyseCalendar() {
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closedByYear.computeIfAbsent(date.getYear(), NyseCalendar::closures).contains(date);
    }

    @Override
    public Set<LocalDate> holidays(int year) {
        return Set.copyOf(closedByYear.computeIfAbsent(year, NyseCalendar::closures));
    }

    @Override
    public String describe() {
        return "NYSE trading days (weekdays except the exchange's holidays)";
    }

    /**
     * The NYSE's scheduled 13:00 closes: July 3 when it falls Monday to Thursday (on a Friday it is the observed
     * Independence Day), the day after Thanksgiving, and Christmas Eve Monday to Thursday.
     */
    boolean closesEarly(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        boolean mondayToThursday = date.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue();
        return date.getMonth() == Month.JULY && date.getDayOfMonth() == 3 && mondayToThursday
                || date.equals(nth(date.getYear(), Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1))
                || date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24 && mondayToThursday;
    }

    private static Set<LocalDate> closures(int year) {
        Set<LocalDate> closed = new HashSet<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            closed.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            closed.add(newYear);
        }
        closed.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        closed.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        closed.add(easterSunday(year).minusDays(2));
        closed.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            closed.add(observed(LocalDate.of(year, 6, 19)));
        }
        closed.add(observed(LocalDate.of(year, 7, 4)));
        closed.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        closed.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        closed.add(observed(LocalDate.of(year, 12, 25)));
        SPECIAL_CLOSURES.stream().filter(d -> d.getYear() == year).forEach(closed::add);
        return closed;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
