package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.aitrader.cost.DayCost;

/**
 * One stored trading day as the read side sees it; {@code trading} what its trading cost (contract 10),
 * {@code knowledgeCutoff} its model's (a date, "none" for models without training, null when not known), {@code cost}
 * what its model calls cost, null when the day recorded no usage; {@code market} the id of its job's market.
 */
public record ResultRow(long id, String jobId, String model, LocalDate date, BigDecimal cash,
        BigDecimal startingValue, BigDecimal endingValue, BigDecimal profit, BigDecimal returnPct, int totalSteps,
        boolean stopSignal, String summary, boolean stale, Costs trading, String knowledgeCutoff, String market,
        DayCost cost) {

    /** The day's commissions, slippage and the borrow fee its shorts paid at the open. */
    public record Costs(BigDecimal commission, BigDecimal slippage, BigDecimal borrowFee) {
    }
}
