package io.aitrader.jobs.api;

import io.aitrader.errors.Params;

/** Parses optional integer query parameters into clear 400s instead of framework errors. */
public final class QueryInts {

    private QueryInts() {
    }

    public static int parse(String name, String value, int fallback, int min, int max) {
        return Params.wholeNumber(name, value, fallback, min, max);
    }
}
