package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import io.aitrader.trading.rules.TradingRules;

/**
 * The daily price limit of contract 12 (the Shanghai market's ±10 %): against the previous close, a buy is refused
 * when the day's open is at or above the upper limit, a sell when it is at or below the lower one. Limit prices are
 * rounded to the exchange's tick, 0.01. Without a previous close (a symbol's first day) there is no limit.
 */
final class PriceLimit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PriceLimit() {
    }

    static Optional<Refusal> buy(String sym, MarketPrices prices, LocalDate date, TradingRules rules) {
        return check(sym, prices, date, rules, true);
    }

    static Optional<Refusal> sell(String sym, MarketPrices prices, LocalDate date, TradingRules rules) {
        return check(sym, prices, date, rules, false);
    }

    private static Optional<Refusal> check(String sym, MarketPrices prices, LocalDate date, TradingRules rules,
            boolean buy) {
        if (rules.priceLimitPct() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> open = prices.open(sym, date);
        Optional<BigDecimal> previous = prices.lastKnown(sym, date.minusDays(1));
        if (open.isEmpty() || previous.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal step = BigDecimal.ONE.add((buy ? rules.priceLimitPct() : rules.priceLimitPct().negate())
                .divide(HUNDRED));
        BigDecimal limit = previous.get().multiply(step).setScale(2, RoundingMode.HALF_UP);
        int side = open.get().compareTo(limit);
        if (buy ? side < 0 : side > 0) {
            return Optional.empty();
        }
        String pct = rules.priceLimitPct().stripTrailingZeros().toPlainString();
        return Optional.of(new Refusal("price_limit", String.format(Locale.ROOT,
                "Price limit: %s opened at %s, %s today's %s limit %s (previous close %s %s %s%%), so %s are refused"
                        + " today.",
                sym, Money.format(open.get()), buy ? "at or above" : "at or below", buy ? "upper" : "lower",
                Money.format(limit), Money.format(previous.get()), buy ? "+" : "−", pct, buy ? "buys" : "sells")));
    }
}
