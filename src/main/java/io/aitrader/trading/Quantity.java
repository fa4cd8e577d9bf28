package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.aitrader.trading.rules.TradingRules;

/**
 * Quantities of a symbol (shares, coins) are exact decimals: whole for stocks, up to {@link #MAX_DECIMALS} for crypto
 * (contract 12), as a market's {@code quantity_decimals} rule says. They are kept normalised, without trailing zeros
 * and never with a negative scale, so that equal quantities are equal and 10 is written 10 (as the whole shares of
 * every earlier run were), 0.25 as 0.25.
 */
public final class Quantity {

    public static final int MAX_DECIMALS = TradingRules.MAX_QUANTITY_DECIMALS;

    /** How the rules say that amounts may have decimals; the number of decimals follows it. */
    public static final String FRACTIONAL_AMOUNTS = "an amount greater than 0 with at most ";
    /** How the rules say that amounts are whole shares. */
    public static final String WHOLE_SHARES = "a whole number of shares greater than 0";

    private Quantity() {
    }

    /** What an order's amount may be, in words: whole shares, or an amount with at most {@code decimals} decimals. */
    public static String allowed(int decimals) {
        return decimals == 0 ? WHOLE_SHARES : FRACTIONAL_AMOUNTS + decimals + " decimals";
    }

    public static BigDecimal normal(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The quantity as a message shows it: 10, 0.25. */
    public static String format(BigDecimal quantity) {
        return normal(quantity).toPlainString();
    }

    /** True when {@code quantity} has at most {@code decimals} decimals. */
    public static boolean fits(BigDecimal quantity, int decimals) {
        return normal(quantity).scale() <= decimals;
    }

    /**
     * A quantity read back from a column that holds it as a binary floating point number (SQLite stores a fraction
     * as REAL): it had at most {@link #MAX_DECIMALS} decimals, so rounding to them restores it exactly.
     */
    public static BigDecimal stored(double value) {
        return normal(BigDecimal.valueOf(value).setScale(MAX_DECIMALS, RoundingMode.HALF_UP));
    }

    /** The most of a symbol priced {@code price} that {@code cash} pays for, in steps of 10^−{@code decimals}. */
    public static BigDecimal affordable(BigDecimal cash, BigDecimal price, int decimals) {
        if (price.signum() <= 0 || cash.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return normal(cash.divide(price, decimals, RoundingMode.FLOOR));
    }
}
