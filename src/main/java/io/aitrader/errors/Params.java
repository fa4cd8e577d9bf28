package io.aitrader.errors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses request parameters and body fields into values or the contract's 400s, in one way for every endpoint. */
public final class Params {

    private static final int ECHO_LIMIT = 64;

    private Params() {
    }

    /** An optional date; absent or blank is null, anything but a real YYYY-MM-DD date is 400 invalid_date. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.invalidField("invalid_date", field, safe(value),
                field + " must be a real date in YYYY-MM-DD form");
    }

    /** A required date: absent is 400 invalid_date too. */
    public static LocalDate requiredDate(String field, String value) {
        LocalDate date = date(field, value);
        if (date == null) {
            throw ApiException.invalidField("invalid_date", field, null, field + " is required (YYYY-MM-DD)");
        }
        return date;
    }

    /** An optional whole number in [min, max]; anything else is 400 invalid_parameter. */
    public static int wholeNumber(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField("invalid_parameter", field, safe(value),
                field + " must be a whole number between " + min + " and " + max);
    }

    /** An optional true/false flag (default false). */
    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.invalidField("invalid_parameter", field, safe(value), field + " must be true or false");
    }

    /** An optional amount of money: absent or null is null; anything but a positive number is 400 invalid_parameter. */
    public static BigDecimal positiveAmount(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber() && value.decimalValue().signum() > 0) {
            return value.decimalValue();
        }
        String shown = value.isTextual() ? value.asText() : value.toString();
        throw ApiException.invalidField("invalid_parameter", field, safe(shown),
                field + " must be a positive number of USD");
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Client input echoed back only in a bounded, printable form. */
    public static String safe(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > ECHO_LIMIT ? printable.substring(0, ECHO_LIMIT) + "…" : printable;
    }
}
