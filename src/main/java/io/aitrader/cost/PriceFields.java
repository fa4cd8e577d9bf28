package io.aitrader.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one price object — {@code input_per_mtok}, {@code cached_input_per_mtok}, {@code output_per_mtok}, optional
 * {@code cache_write_per_mtok}, {@code valid_from} and {@code source} — recording each problem instead of throwing, so
 * a config or the pricing file can list all of them at once.
 */
public final class PriceFields {

    public static final String INPUT = "input_per_mtok";
    public static final String CACHED_INPUT = "cached_input_per_mtok";
    public static final String OUTPUT = "output_per_mtok";
    public static final String CACHE_WRITE = "cache_write_per_mtok";
    public static final String VALID_FROM = "valid_from";
    public static final String SOURCE = "source";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PriceFields() {
    }

    /** A price stored as a map (a job's config), or empty when there is none or it is unreadable. */
    public static Optional<ModelPrice> fromStored(Object stored) {
        if (stored == null) {
            return Optional.empty();
        }
        return read(JSON.valueToTree(stored), "pricing", new ArrayList<>());
    }

    /** The price at {@code path}, or empty with the problems added (every figure a number of 0 or more). */
    public static Optional<ModelPrice> read(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + " must be an object with " + INPUT + ", " + CACHED_INPUT + " and " + OUTPUT);
            return Optional.empty();
        }
        int before = problems.size();
        BigDecimal input = figure(node, path, INPUT, true, problems);
        BigDecimal cached = figure(node, path, CACHED_INPUT, true, problems);
        BigDecimal output = figure(node, path, OUTPUT, true, problems);
        BigDecimal cacheWrite = figure(node, path, CACHE_WRITE, false, problems);
        LocalDate validFrom = null;
        JsonNode from = node.get(VALID_FROM);
        if (from != null && !from.isNull()) {
            try {
                validFrom = LocalDate.parse(from.asText());
            } catch (DateTimeParseException e) {
                problems.add(path + "." + VALID_FROM + " must be a date (YYYY-MM-DD)");
            }
        }
        JsonNode source = node.get(SOURCE);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ModelPrice(input, cached, output, cacheWrite, validFrom,
                source == null || source.isNull() ? null : source.asText()));
    }

    private static BigDecimal figure(JsonNode node, String path, String field, boolean required,
            List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path + "." + field + " is required");
            }
            return null;
        }
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (number == null) {
            problems.add(path + "." + field + " must be a number of USD per million tokens");
        } else if (number.signum() < 0) {
            problems.add(path + "." + field + " must not be negative (got " + number.toPlainString() + ")");
            return null;
        }
        return number;
    }
}
