package io.aitrader.agent.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates search results come with: ISO dates and times, RFC 1123, "Oct 1, 2025" and relative
 * ones ("3 days ago", counted from the real clock). Anything else is unknown (null): the result is left out.
 */
final class SearchDates {

    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern RELATIVE = Pattern
            .compile("(?i)^(\\d+|an?)\\s+(second|minute|hour|day|week|month|year)s?\\s+ago$");
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

    private SearchDates() {
    }

    static LocalDate parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            // next form
        }
        Matcher iso = ISO_DAY.matcher(value);
        if (iso.find()) {
            try {
                return LocalDate.parse(iso.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            try {
                return relative(relative, clock);
            } catch (RuntimeException e) {
                return null; // an absurd count such as "99999999999 years ago"
            }
        }
        for (DateTimeFormatter format : WRITTEN) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }

    private static LocalDate relative(Matcher matcher, Clock clock) {
        String count = matcher.group(1).toLowerCase(Locale.ROOT);
        long n = count.startsWith("a") ? 1 : Long.parseLong(count);
        LocalDateTime now = LocalDateTime.now(clock);
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "second" -> now.minusSeconds(n).toLocalDate();
            case "minute" -> now.minusMinutes(n).toLocalDate();
            case "hour" -> now.minusHours(n).toLocalDate();
            case "day" -> now.minusDays(n).toLocalDate();
            case "week" -> now.minusWeeks(n).toLocalDate();
            case "month" -> now.minusMonths(n).toLocalDate();
            default -> now.minusYears(n).toLocalDate();
        };
    }
}
