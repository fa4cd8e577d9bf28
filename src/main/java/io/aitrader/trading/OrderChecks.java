package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The checks of contract 4.2 every order passes: amount, symbol, price, cash and shares. */
final class OrderChecks {

    private OrderChecks() {
    }

    /** The checks shared by buy and sell, in the order a model finds most useful. */
    static Optional<Refusal> basic(String sym, BigDecimal amount, boolean known, MarketPrices prices, LocalDate date,
            int decimals) {
        if (amount.signum() <= 0 || !Quantity.fits(amount, decimals)) {
            return Optional.of(new Refusal("invalid_amount", "Invalid amount %s: orders are for %s.".formatted(
                    Quantity.format(amount), Quantity.allowed(decimals))));
        }
        if (sym.isEmpty() || !known) {
            return Optional.of(new Refusal("unknown_symbol",
                    "Unknown symbol '%s': it is not tradeable in this simulation.".formatted(sym)));
        }
        if (prices.open(sym, date).isEmpty()) {
            return Optional.of(new Refusal("no_price",
                    "No price: %s has no open price on %s, so it cannot be traded today.".formatted(sym, date)));
        }
        return Optional.empty();
    }

    /** A buy needs cash ≥ notional + commission. */
    static Optional<Refusal> cashForBuy(String sym, BigDecimal amount, BigDecimal fill, BigDecimal total,
            BigDecimal commission, BigDecimal cash) {
        BigDecimal required = total.add(commission);
        if (required.compareTo(cash) <= 0) {
            return Optional.empty();
        }
        String breakdown = commission.signum() == 0
                ? ""
                : " (%s plus %s commission)".formatted(Money.format(total), Money.format(commission));
        return Optional.of(new Refusal("insufficient_cash",
                String.format(Locale.ROOT,
                        "Insufficient cash: buying %s %s at %s requires %s%s but only %s is available.",
                        Quantity.format(amount), sym,
                        Money.format(fill), Money.format(required), breakdown, Money.format(cash))));
    }

    /** A sell whose commission exceeds its proceeds and the cash on hand would overdraw cash. */
    static Optional<Refusal> cashForSell(String sym, BigDecimal amount, BigDecimal total, BigDecimal commission,
            BigDecimal cash) {
        if (commission.signum() == 0 || cash.add(total).compareTo(commission) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("insufficient_cash", String.format(Locale.ROOT,
                "Insufficient cash: the %s commission on selling %s %s (proceeds %s) is more than the %s available.",
                Money.format(commission), Quantity.format(amount), sym, Money.format(total),
                Money.format(cash.add(total)))));
    }

    /** Without shorting, a sell needs that many shares. */
    static Optional<Refusal> shares(String sym, BigDecimal amount, BigDecimal held) {
        if (held.compareTo(amount) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("insufficient_shares", String.format(Locale.ROOT,
                "Insufficient shares: you hold %s %s but want to sell %s.", Quantity.format(held), sym,
                Quantity.format(amount))));
    }
}
