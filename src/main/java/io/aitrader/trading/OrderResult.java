package io.aitrader.trading;

/**
 * The answer to an order. Accepted: {@code trade} is the fill and {@code after} the portfolio after it. Refused:
 * {@code code} is one of insufficient_cash, insufficient_shares, unknown_symbol, no_price, invalid_amount and
 * {@code message} tells the model why (with required/available or held/wanted figures); nothing changed.
 */
public record OrderResult(boolean accepted, String code, String message, Trade trade, Portfolio after) {
}
