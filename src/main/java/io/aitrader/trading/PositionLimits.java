package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.aitrader.trading.rules.TradingRules;

/**
 * The limits of contract 10 that refuse an order, each under its rule's name: lot_size, max_positions,
 * max_position_pct, min_cash_pct and settlement. Values are at {@link OpenMarks} (the traded symbol at this order's
 * fill price, the others at the open) after the order, so a buy's own commission and slippage count against it.
 */
final class PositionLimits {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PositionLimits() {
    }

    /**
     * Amounts in whole lots when a lot is more than 1 (a lot of 1 leaves the amount to the quantity decimals); closing
     * exactly the position held (long or short) is always allowed.
     */
    static Optional<Refusal> lotSize(String verb, String sym, BigDecimal amount, BigDecimal closable,
            TradingRules rules) {
        BigDecimal lot = BigDecimal.valueOf(rules.lotSize());
        if (rules.lotSize() == 1 || amount.remainder(lot).signum() == 0 || amount.compareTo(closable) == 0) {
            return Optional.empty();
        }
        BigDecimal below = amount.divideToIntegralValue(lot).multiply(lot);
        return Optional.of(new Refusal("lot_size", String.format(Locale.ROOT,
                "Lot size: orders are in whole lots of %d shares, so %s %s %s is not allowed (nearest: %s or %s).",
                rules.lotSize(), verb, Quantity.format(amount), sym, Quantity.format(below),
                Quantity.format(below.add(lot)))));
    }

    /** A buy may not open a position (long from zero) when that many symbols are held already, long or short. */
    static Optional<Refusal> maxPositions(String sym, BigDecimal held, int positionsHeld, TradingRules rules) {
        if (rules.maxPositions() == null || held.signum() != 0 || positionsHeld < rules.maxPositions()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("max_positions", String.format(Locale.ROOT,
                "Position count limit: you already hold %d positions and at most %d are allowed, so %s cannot be"
                        + " opened; sell a position first.",
                positionsHeld, rules.maxPositions(), sym)));
    }

    /** max_position_pct, then min_cash_pct, on the portfolio as it would be after the buy. */
    static Optional<Refusal> afterBuy(String sym, BigDecimal amount, BigDecimal fill, BigDecimal cashAfter,
            Map<String, BigDecimal> holdingsAfter, OpenMarks marks, TradingRules rules) {
        BigDecimal maxPct = rules.maxPositionPct();
        BigDecimal minPct = rules.minCashPct();
        if (maxPct == null && minPct.signum() == 0) {
            return Optional.empty(); // no limit to check: the portfolio need not be valued
        }
        BigDecimal value = marks.portfolioValue(cashAfter, holdingsAfter, sym, fill);
        BigDecimal sharesAfter = holdingsAfter.getOrDefault(sym, BigDecimal.ZERO);
        if (maxPct != null && sharesAfter.signum() > 0) {
            BigDecimal position = fill.multiply(sharesAfter);
            if (position.multiply(HUNDRED).compareTo(maxPct.multiply(value)) > 0) {
                return Optional.of(new Refusal("max_position_pct", String.format(Locale.ROOT,
                        "Position limit: buying %s %s at %s would make the %s position worth %s, %s of the portfolio"
                                + " value %s; the limit is %s%%.",
                        Quantity.format(amount), sym, Money.format(fill), sym, Money.format(position),
                        share(position, value),
                        Money.format(value), Money.plain(maxPct))));
            }
        }
        if (minPct.signum() > 0 && cashAfter.multiply(HUNDRED).compareTo(minPct.multiply(value)) < 0) {
            return Optional.of(new Refusal("min_cash_pct", String.format(Locale.ROOT,
                    "Cash floor: buying %s %s at %s would leave cash %s, %s of the portfolio value %s; at least %s%%"
                            + " (%s) must stay in cash.",
                    Quantity.format(amount), sym, Money.format(fill), Money.format(cashAfter), share(cashAfter, value),
                    Money.format(value), Money.plain(minPct),
                    Money.format(Money.report(value.multiply(minPct).divide(HUNDRED))))));
        }
        return Optional.empty();
    }

    /** Under T1, shares bought today cannot be sold today. */
    static Optional<Refusal> settlement(String sym, BigDecimal amount, BigDecimal held, BigDecimal boughtToday,
            TradingRules rules) {
        BigDecimal sellable = held.subtract(boughtToday);
        if (rules.settlement() != TradingRules.Settlement.T1 || boughtToday.signum() <= 0
                || amount.compareTo(sellable) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("settlement", String.format(Locale.ROOT,
                "Settlement T+1: you hold %s %s but %s were bought today and cannot be sold before the next trading"
                        + " day; at most %s can be sold today, you want to sell %s.",
                Quantity.format(held), sym, Quantity.format(boughtToday),
                Quantity.format(sellable.max(BigDecimal.ZERO)), Quantity.format(amount))));
    }

    /** {@code part} as a percentage of {@code whole}, 2 decimals; "n/a" when the whole is not positive. */
    static String share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0) {
            return "n/a";
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
