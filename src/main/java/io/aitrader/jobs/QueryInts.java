package io.aitrader.jobs;

import io.aitrader.errors.ApiException;

/** Parses optional integer query parameters into clear 400s instead of framework errors. */
public final class QueryInts {

    private QueryInts() {
    }

    public static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
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
        throw ApiException.invalidField("invalid_parameter", name, TriggerPlanner.safe(value),
                name + " must be a whole number between " + min + " and " + max);
    }
}
