package io.aitrader.trading;

/**
 * The answer to an order. Accepted: {@code trade} is the fill and {@code after} the portfolio after it. Refused:
 * {@code code} is one of insufficient_cash, insufficient_shares, unknown_symbol, no_price, invalid_amount (contract
 * 4.2) or the name of the trading rule that refused it: lot_size, max_positions, max_position_pct, min_cash_pct,
 * settlement, short_margin_pct (contract 10); {@code message} tells the model why, with the figures; nothing changed.
 */
public record OrderResult(boolean accepted, String code, String message, Trade trade, Portfolio after) {
}
