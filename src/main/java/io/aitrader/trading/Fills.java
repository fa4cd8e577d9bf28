package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.aitrader.trading.rules.TradingRules;

/**
 * Fill prices under slippage (contract 10): a buy fills at open × (1 + slippage_bps/10^4), a sell at open × (1 −
 * slippage_bps/10^4). The fill is rounded to 4 decimals HALF_UP, the scale money is stored with; a notional or a
 * slippage with more decimals is rounded to 4 as well, so that cash always keeps 4 decimals. Without slippage the open is returned unchanged (same scale),
 * so trades under contract 4.2 are exactly what they were.
 */
final class Fills {

    static final int SCALE = 4;
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private Fills() {
    }

    static BigDecimal buy(BigDecimal open, TradingRules rules) {
        return apply(open, rules.slippageBps());
    }

    static BigDecimal sell(BigDecimal open, TradingRules rules) {
        return apply(open, rules.slippageBps().negate());
    }

    /** The fill for an order that adds shares (buy, cover) or removes them (sell). */
    static BigDecimal of(boolean adds, BigDecimal open, TradingRules rules) {
        return adds ? buy(open, rules) : sell(open, rules);
    }

    /**
     * Slippage in currency: |fill − open| × shares; exactly {@link BigDecimal#ZERO} without slippage, so a trade
     * under contract 4.2 equals one made with {@link Trade}'s six-argument constructor.
     */
    static BigDecimal slippage(BigDecimal open, BigDecimal fill, BigDecimal shares) {
        if (fill.compareTo(open) == 0) {
            return BigDecimal.ZERO;
        }
        return money(fill.subtract(open).abs().multiply(shares));
    }

    /**
     * The notional of {@code shares} at {@code fill}. With more than 4 decimals (a coin's 8-decimal price, a fraction)
     * it is rounded to 4 against the trader: up for an order that adds shares (buy, cover), down for a sell, so no
     * order is ever paid less than it is worth (half-up rounding would let a millionth more of a coin fit the cash).
     * Otherwise it is unchanged, scale included, so whole shares at 4-decimal prices trade exactly as they always did.
     */
    static BigDecimal notional(boolean adds, BigDecimal fill, BigDecimal shares) {
        BigDecimal product = fill.multiply(shares);
        return product.scale() > SCALE
                ? product.setScale(SCALE, adds ? RoundingMode.CEILING : RoundingMode.FLOOR)
                : product;
    }

    /** A figure as the books keep it: rounded HALF_UP to 4 decimals when it has more, otherwise unchanged. */
    static BigDecimal money(BigDecimal product) {
        return product.scale() > SCALE ? product.setScale(SCALE, RoundingMode.HALF_UP) : product;
    }

    private static BigDecimal apply(BigDecimal open, BigDecimal signedBps) {
        if (signedBps.signum() == 0) {
            return open;
        }
        BigDecimal factor = BigDecimal.ONE.add(signedBps.divide(BPS));
        return open.multiply(factor).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
