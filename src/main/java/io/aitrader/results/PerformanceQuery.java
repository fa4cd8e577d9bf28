package io.aitrader.results;

import java.time.LocalDate;

/**
 * The parsed parameters of GET /performance; null means "use the default" (dates from the data, the default config's
 * benchmark, the configured risk-free rate).
 */
public record PerformanceQuery(LocalDate startDate, LocalDate endDate, String model, String benchmark,
        Double riskFreeRatePct) {
}
