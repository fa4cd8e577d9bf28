package io.aitrader.cost;

import java.math.BigDecimal;

/**
 * What several model-days cost together: their tokens added up, and their costs unless one of them made calls of
 * unknown cost, which makes the sum unknown (null) — a total that leaves out what could not be priced is a guess.
 */
public final class CostSum {

    private Tokens tokens = Tokens.ZERO;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private int days;

    /** Adds one model-day; {@code cost} null: it recorded no usage and counts as nothing spent. */
    public CostSum add(DayCost cost) {
        days++;
        if (cost == null) {
            return this;
        }
        tokens = tokens.plus(cost.tokens());
        if (cost.costUsd() == null) {
            costUsd = cost.calls() > 0 ? null : costUsd;
        } else if (costUsd != null) {
            costUsd = costUsd.add(cost.costUsd());
        }
        return this;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The total in USD; null when unknown. */
    public BigDecimal costUsd() {
        return costUsd;
    }

    /** How many model-days were added, with or without usage. */
    public int days() {
        return days;
    }
}
