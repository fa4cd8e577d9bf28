package io.aitrader.jobs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC times with a Z and millisecond precision, as the contract writes them. */
final class Timestamps {

    private Timestamps() {
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
