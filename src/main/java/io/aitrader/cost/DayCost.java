package io.aitrader.cost;

import java.math.BigDecimal;

/**
 * What one model-day's model calls used and cost. {@code costUsd} is null when it is unknown: no price is known for
 * the model, or the provider did not report the tokens of some call — never a guess.
 */
public record DayCost(int calls, Tokens tokens, BigDecimal costUsd) {

    /** A day that made no model call. */
    public static final DayCost NONE = new DayCost(0, Tokens.ZERO, BigDecimal.ZERO);

    /** {@code price} null: none known. */
    public static DayCost of(int calls, int unreported, Tokens tokens, ModelPrice price) {
        BigDecimal cost = price == null || unreported > 0 ? null : price.costUsd(tokens);
        return new DayCost(calls, tokens, calls == 0 ? BigDecimal.ZERO : cost);
    }
}
