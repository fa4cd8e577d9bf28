package io.aitrader.agent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.trading.Quantity;

/**
 * The arguments of one tool call, as lenient as models need: a JSON object, or a JSON string holding one, and numbers
 * given as strings. Everything else fails with a {@link ToolFailure} the model can read.
 */
final class ToolArguments {

    private static final int MAX_DIGITS = 30;
    /** Digits before the point an amount may have: what a whole amount of earlier runs (a Java long) could hold. */
    private static final int MAX_WHOLE = 18;

    private final JsonNode node;

    private ToolArguments(JsonNode node) {
        this.node = node;
    }

    static ToolArguments parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ToolArguments(ToolJson.object());
        }
        JsonNode node = read(raw);
        if (node.isTextual()) {
            node = read(node.asText());
        }
        if (!node.isObject()) {
            throw invalid(raw);
        }
        return new ToolArguments(node);
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isValueNode()) {
            throw new ToolFailure("invalid_arguments", "argument '" + name + "' must be a string");
        }
        return value.asText().trim();
    }

    /** A text argument the call may leave out: "" when absent or blank; a list of strings is joined with commas. */
    String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(part -> parts.add(part.asText()));
            return String.join(",", parts).trim();
        }
        if (!value.isValueNode()) {
            throw new ToolFailure("invalid_arguments", "argument '" + name + "' must be a string");
        }
        return value.asText().trim();
    }

    String symbol() {
        return text("symbol").toUpperCase(Locale.ROOT);
    }

    LocalDate date(String name) {
        String text = text(name);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ToolFailure("invalid_date",
                    "argument '" + name + "' must be a date in YYYY-MM-DD form, got " + ToolJson.quote(text, 40));
        }
    }

    BigDecimal number(String name) {
        JsonNode value = required(name);
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        // bounded so that no argument can make the arithmetic or its printed result explode
        if (number == null || Math.abs(number.scale()) > MAX_DIGITS || number.precision() > MAX_DIGITS) {
            throw new ToolFailure("invalid_number",
                    "argument '" + name + "' must be a number, got " + ToolJson.quote(value.toString(), 40));
        }
        return number;
    }

    /**
     * A positive amount with at most {@code decimals} decimals: with none (whole shares) 10 and 10.0 and "10" are
     * fine, 10.5 and 0 are not; with 6 (crypto) 0.25 is fine, 0.0000001 is not.
     */
    BigDecimal amount(int decimals) {
        BigDecimal number;
        try {
            number = number("amount");
        } catch (ToolFailure e) {
            if (e.code().equals("invalid_number")) {
                throw new ToolFailure("invalid_amount", e.getMessage());
            }
            throw e;
        }
        BigDecimal amount = Quantity.normal(number);
        if (amount.signum() > 0 && Quantity.fits(amount, decimals)
                && amount.precision() - amount.scale() <= MAX_WHOLE) {
            return amount;
        }
        String allowed = decimals == 0
                ? "a whole number of shares greater than 0"
                : "greater than 0 with at most " + decimals + " decimals";
        throw new ToolFailure("invalid_amount", "amount must be " + allowed + ", got " + number.toPlainString());
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            throw new ToolFailure("missing_argument", "argument '" + name + "' is required");
        }
        return value;
    }

    private static JsonNode read(String raw) {
        try {
            JsonNode node = ToolJson.MAPPER.readTree(raw);
            if (node == null) {
                throw invalid(raw);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(raw);
        }
    }

    private static ToolFailure invalid(String raw) {
        return new ToolFailure("invalid_arguments", "arguments must be a JSON object such as "
                + "{\"symbol\": \"AAPL\", \"amount\": 10}, got " + ToolJson.quote(raw, 80));
    }
}
