package io.aitrader.trading;

import java.math.BigDecimal;

/**
 * A filled order; {@code seq} counts from 1 per day. {@code action} is "buy", "sell" or "cover" (a short bought back
 * by a margin call, {@code reason} "margin_call"; otherwise {@code reason} is null). {@code price} is the day's open,
 * {@code fillPrice} what the order filled at after slippage, {@code total} the notional (fill price × amount), and
 * {@code slippage} |fill − open| × amount in currency, both kept to 4 decimals ({@link Fills#notional}); {@code amount}
 * is {@link Quantity#normal normalised}. Cash moves by {@link #cashEffect()}: the notional plus the commission for a
 * buy or cover, minus it for a sell.
 */
public record Trade(int seq, String action, String symbol, BigDecimal amount, BigDecimal price,
        BigDecimal total, BigDecimal fillPrice, BigDecimal commission, BigDecimal slippage, String reason) {

    public Trade {
        amount = Quantity.normal(amount);
    }

    /** A trade under the rules of contract 4.2: filled at {@code price}, no commission, no slippage. */
    public Trade(int seq, String action, String symbol, BigDecimal amount, BigDecimal price, BigDecimal total) {
        this(seq, action, symbol, amount, price, total, price, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    /** True for the actions that add shares: buy and cover. */
    public boolean adds() {
        return !action.equals("sell");
    }

    /** The signed change of cash: −(total + commission) for a buy or cover, total − commission for a sell. */
    public BigDecimal cashEffect() {
        return adds() ? total.add(commission).negate() : total.subtract(commission);
    }
}
