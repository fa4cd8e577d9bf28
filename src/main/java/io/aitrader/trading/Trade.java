package io.aitrader.trading;

import java.math.BigDecimal;

/** A filled order: {@code action} is "buy" or "sell", filled at the day's open; {@code seq} counts from 1 per day. */
public record Trade(int seq, String action, String symbol, long amount, BigDecimal price, BigDecimal total) {
}
