package io.aitrader.results;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.aitrader.errors.ApiException;

/**
 * The parsed parameters of GET /performance; null means "use the default" (dates from the data, the default config's
 * benchmark, the configured risk-free rate).
 */
public record PerformanceQuery(LocalDate startDate, LocalDate endDate, String model, String benchmark,
        Double riskFreeRatePct) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.^-]{0,15}");

    /** Parses the query parameters; every malformed one is a 400 in the contract's error shape. */
    public static PerformanceQuery parse(String startDate, String endDate, String model, String benchmark,
            String riskFreeRate) {
        LocalDate start = date("start_date", startDate);
        LocalDate end = date("end_date", endDate);
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiException.badRequest("invalid_date_range", "start_date must not be after end_date",
                    Map.of("start_date", start.toString(), "end_date", end.toString()));
        }
        String symbol = blankToNull(benchmark);
        if (symbol != null) {
            symbol = symbol.trim().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches()) {
                throw ApiException.invalidField("invalid_parameter", "benchmark", clip(benchmark),
                        "benchmark must be a ticker symbol (letters, digits, '.', '^' or '-', at most 16)");
            }
        }
        String signature = blankToNull(model);
        if (signature != null && signature.length() > 200) {
            throw ApiException.invalidField("invalid_parameter", "model", clip(model),
                    "model must be a signature of at most 200 characters");
        }
        return new PerformanceQuery(start, end, signature, symbol, rate(riskFreeRate));
    }

    private static Double rate(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate > -100 && rate < 100) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalidField("invalid_parameter", "risk_free_rate", clip(value),
                "risk_free_rate must be an annual rate in percent, a number between -100 and 100 (e.g. 4.25)");
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiException.invalidField("invalid_date", field, clip(value),
                field + " must be a real date in YYYY-MM-DD form");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String clip(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
