package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Money conventions: exact BigDecimal arithmetic inside, rounding only where values are reported. */
public final class Money {

    /** Precision for the only inexact operation, divisions (return percentages). */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    public static final int MONEY_SCALE = 2;
    public static final int PERCENT_SCALE = 4;

    private Money() {
    }

    /** A reported money figure: 2 decimals, HALF_UP. */
    public static BigDecimal report(BigDecimal value) {
        return value == null ? null : value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** A reported percentage: 4 decimals, HALF_UP. */
    public static BigDecimal reportPercent(BigDecimal value) {
        return value == null ? null : value.setScale(PERCENT_SCALE, RoundingMode.HALF_UP);
    }

    /** The exact value for a message, with at least 2 decimals (255.88, 2558.80, 12.3456). */
    public static String format(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.setScale(Math.max(MONEY_SCALE, plain.scale())).toPlainString();
    }

    /** A rate or percentage for a message, without trailing zeros (5, 2.5, 0.005). */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
