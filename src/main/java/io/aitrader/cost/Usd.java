package io.aitrader.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts as shown to people and in JSON: six decimals at most (a ten-thousandth of a cent), two at least. */
public final class Usd {

    public static final int SHOWN_SCALE = 6;

    private Usd() {
    }

    /** The amount rounded half up to six decimals; null stays null. */
    public static BigDecimal shown(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal rounded = amount.setScale(SHOWN_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 2 ? rounded.setScale(2) : rounded;
    }

    /** "$1.50", "$0.000123". */
    public static String text(BigDecimal amount) {
        return "$" + shown(amount).toPlainString();
    }
}
