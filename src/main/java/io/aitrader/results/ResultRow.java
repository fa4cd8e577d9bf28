package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.aitrader.cost.DayCost;

/**
 * One stored trading day as the read side sees it; {@code borrowFee} what its shorts paid at the open, {@code cost}
 * null when the day recorded no usage.
 */
public record ResultRow(long id, String jobId, String model, LocalDate date, BigDecimal cash,
        BigDecimal startingValue, BigDecimal endingValue, BigDecimal profit, BigDecimal returnPct, int totalSteps,
        boolean stopSignal, String summary, boolean stale, BigDecimal borrowFee, DayCost cost) {
}
