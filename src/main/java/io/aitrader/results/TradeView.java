package io.aitrader.results;

import java.math.BigDecimal;

/** A filled order as results show it. */
public record TradeView(long id, String action, String symbol, long amount, BigDecimal price, BigDecimal total) {
}
