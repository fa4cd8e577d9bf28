package io.aitrader.jobs.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** ISO-8601 UTC times with a Z and millisecond precision, as the contract writes them. */
public final class Timestamps {

    private Timestamps() {
    }

    private static final java.time.format.DateTimeFormatter FIXED = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    public static String now() {
        return format(Instant.now());
    }

    /** {@code time} (as this class writes it) plus {@code seconds}: when a lease taken then ends. */
    public static String plusSeconds(String time, long seconds) {
        return format(Instant.ofEpochMilli(millis(time)).plusSeconds(seconds));
    }

    /** Always 24 characters (Instant.toString drops a zero millisecond), so stored times compare as text. */
    public static String format(Instant time) {
        return FIXED.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Epoch milliseconds of a time this class wrote ({@code 2025-10-01T14:03:07.123Z}); status objects of big jobs
     * hold thousands, and {@link Instant#parse} costs more than the rest of their assembly. Other forms fall back to
     * it.
     */
    public static long millis(String time) {
        if (time.length() != 24 || time.charAt(10) != 'T' || time.charAt(19) != '.' || time.charAt(23) != 'Z') {
            return Instant.parse(time).toEpochMilli();
        }
        long days = epochDay(digits(time, 0, 4), digits(time, 5, 7), digits(time, 8, 10));
        long seconds = digits(time, 11, 13) * 3600L + digits(time, 14, 16) * 60L + digits(time, 17, 19);
        return (days * 86_400L + seconds) * 1000L + digits(time, 20, 23);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse of H. Hinnant). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new java.time.format.DateTimeParseException("not a timestamp", text, i);
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
