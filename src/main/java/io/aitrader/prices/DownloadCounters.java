package io.aitrader.prices;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code aitrader.price.downloads}: price download requests by {@code provider} (alpha_vantage, one request per
 * symbol; massive, one per date) and {@code outcome} (ok, rate_limited, refused, failed, not_attempted).
 */
final class DownloadCounters {

    static final String DOWNLOADS = "aitrader.price.downloads";

    private final MeterRegistry registry;
    private final String provider;

    DownloadCounters(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
        for (String outcome : new String[]{"ok", "rate_limited", "refused", "failed", "not_attempted"}) {
            counter(outcome); // every series exists from the start, at 0
        }
    }

    /** One request ended with {@code outcome} (a status name: OK, RATE_LIMITED, STOPPED, REFUSED, ...). */
    void count(String outcome) {
        counter(wire(outcome)).increment();
    }

    void notAttempted(int requests) {
        counter("not_attempted").increment(requests);
    }

    private static String wire(String status) {
        return switch (status) {
            case "OK" -> "ok";
            case "RATE_LIMITED", "STOPPED" -> "rate_limited";
            case "REFUSED" -> "refused";
            default -> "failed";
        };
    }

    private Counter counter(String outcome) {
        return Counter.builder(DOWNLOADS).description("Price download requests, by provider and outcome")
                .tag("provider", provider).tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry);
    }
}
