package io.aitrader.prices;

import java.time.LocalDate;
import java.util.Locale;

/** Which {@code outputsize} to ask Alpha Vantage for. */
public enum OutputSize {
    /** The last 100 trading days. */
    COMPACT,
    /** The whole history (a premium feature on Alpha Vantage's current plans). */
    FULL;

    /** Compact's 100 trading days span about 145 calendar days; 140 leaves room for holidays. */
    static final int COMPACT_CALENDAR_DAYS = 140;

    public static OutputSize covering(LocalDate earliest, LocalDate today) {
        return earliest.isBefore(today.minusDays(COMPACT_CALENDAR_DAYS)) ? FULL : COMPACT;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
