package io.aitrader.cost;

import java.math.BigDecimal;

/**
 * What one model-day's model calls used and cost: {@code calls} the provider answered and billed, with their tokens;
 * {@code servedCalls} a replay or the response cache answered, which cost nothing. {@code costUsd} is null when it is unknown: no price is known for
 * the model, or the provider did not report the tokens of some call — never a guess.
 */
public record DayCost(int calls, Tokens tokens, BigDecimal costUsd, int servedCalls) {

    /** A day that made no model call. */
    public static final DayCost NONE = new DayCost(0, Tokens.ZERO, BigDecimal.ZERO, 0);

    /** {@code price} null: none known. */
    public static DayCost of(int calls, int unreported, Tokens tokens, ModelPrice price) {
        return of(calls, unreported, tokens, price, 0);
    }

    /** As above, with {@code served} more calls a replay or the response cache answered for free. */
    public static DayCost of(int calls, int unreported, Tokens tokens, ModelPrice price, int served) {
        BigDecimal cost = price == null || unreported > 0 ? null : price.costUsd(tokens);
        return new DayCost(calls, tokens, calls == 0 ? BigDecimal.ZERO : cost, served);
    }
}
