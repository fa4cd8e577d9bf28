package io.aitrader.config;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from one object of a config tree that record a problem instead of throwing, so that validation can
 * list every problem of a file at once. A missing or null field reads as absent; numbers and booleans may also be
 * written as strings (they often come from ${NAME} references).
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    JsonFields(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String message) {
        problems.add(path(field) + " " + message);
    }

    /** True when the field is written, even as null (which may mean "no limit"). */
    boolean present(String field) {
        return node.has(field);
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String text(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        return value.asText();
    }

    String requiredText(String field) {
        String value = text(field);
        if (value == null && !has(field)) {
            problem(field, "is required");
        } else if (value != null && value.isBlank()) {
            problem(field, "must not be empty");
            return null;
        }
        return value;
    }

    BigDecimal number(String field, BigDecimal fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(field, "must be a number");
        return null;
    }

    Integer integer(String field, int fallback) {
        BigDecimal value = number(field, BigDecimal.valueOf(fallback));
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            problem(field, "must be a whole number");
            return null;
        }
    }

    Boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()
                && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        problem(field, "must be true or false");
        return null;
    }
}
