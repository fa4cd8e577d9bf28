package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * In-memory state of one model-day: cash, holdings and fills, each order checked against the running state. Orders
 * fill at the day's open, whole shares only; a refused order changes nothing. Methods are synchronized because a
 * model may issue parallel tool calls.
 */
public final class DayLedger {

    private final LocalDate date;
    private final Portfolio start;
    private final MarketPrices prices;
    private final Set<String> tradeable;
    private final TreeMap<String, Long> holdings;
    private final List<Trade> trades = new ArrayList<>();
    private BigDecimal cash;

    /**
     * @param tradeable the symbols orders may name (upper-cased here). A symbol held at the start may always be sold,
     *        so a position left over from an earlier universe can be closed.
     */
    public DayLedger(LocalDate date, Portfolio start, MarketPrices prices, Set<String> tradeable) {
        this.date = Objects.requireNonNull(date, "date");
        this.start = Objects.requireNonNull(start, "start");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.tradeable = tradeable.stream().map(Symbols::normalise).collect(Collectors.toUnmodifiableSet());
        if (start.cash().signum() < 0) {
            throw new IllegalArgumentException("starting cash is negative: " + start.cash());
        }
        this.cash = start.cash();
        this.holdings = new TreeMap<>(start.holdings());
    }

    public LocalDate date() {
        return date;
    }

    public Portfolio start() {
        return start;
    }

    public synchronized Portfolio current() {
        return new Portfolio(cash, holdings);
    }

    public synchronized OrderResult buy(String symbol, long amount) {
        String sym = Symbols.normalise(symbol);
        Optional<OrderResult> refused = check(sym, amount, tradeable.contains(sym));
        if (refused.isPresent()) {
            return refused.get();
        }
        BigDecimal price = prices.open(sym, date).orElseThrow();
        BigDecimal total = price.multiply(BigDecimal.valueOf(amount));
        if (total.compareTo(cash) > 0) {
            return refuse("insufficient_cash",
                    String.format(Locale.ROOT,
                            "Insufficient cash: buying %d %s at %s requires %s but only %s is available.",
                            amount, sym, Money.format(price), Money.format(total), Money.format(cash)));
        }
        cash = cash.subtract(total);
        holdings.merge(sym, amount, Long::sum);
        return fill("buy", sym, amount, price, total);
    }

    public synchronized OrderResult sell(String symbol, long amount) {
        String sym = Symbols.normalise(symbol);
        long held = holdings.getOrDefault(sym, 0L);
        Optional<OrderResult> refused = check(sym, amount,
                tradeable.contains(sym) || held > 0 || start.shares(sym) > 0);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (held < amount) {
            return refuse("insufficient_shares",
                    String.format(Locale.ROOT, "Insufficient shares: you hold %d %s but want to sell %d.", held, sym,
                            amount));
        }
        BigDecimal price = prices.open(sym, date).orElseThrow();
        BigDecimal total = price.multiply(BigDecimal.valueOf(amount));
        cash = cash.add(total);
        if (held == amount) {
            holdings.remove(sym);
        } else {
            holdings.put(sym, held - amount);
        }
        return fill("sell", sym, amount, price, total);
    }

    public synchronized List<Trade> trades() {
        return List.copyOf(trades);
    }

    /** The checks shared by buy and sell, in the order a model finds most useful. */
    private Optional<OrderResult> check(String sym, long amount, boolean known) {
        if (amount <= 0) {
            return Optional.of(refuse("invalid_amount",
                    String.format(Locale.ROOT,
                            "Invalid amount %d: orders are for a whole number of shares greater than 0.", amount)));
        }
        if (sym.isEmpty() || !known) {
            return Optional.of(refuse("unknown_symbol",
                    "Unknown symbol '%s': it is not tradeable in this simulation.".formatted(sym)));
        }
        if (prices.open(sym, date).isEmpty()) {
            return Optional.of(refuse("no_price", "No price: %s has no open price on %s, so it cannot be traded today."
                    .formatted(sym, date)));
        }
        return Optional.empty();
    }

    private OrderResult refuse(String code, String message) {
        return new OrderResult(false, code, message, null, current());
    }

    private OrderResult fill(String action, String sym, long amount, BigDecimal price, BigDecimal total) {
        Trade trade = new Trade(trades.size() + 1, action, sym, amount, price, total);
        trades.add(trade);
        String message = String.format(Locale.ROOT, "%s %d %s at %s (total %s). Cash now %s; %s held: %d.",
                action.equals("buy") ? "Bought" : "Sold", amount, sym, Money.format(price), Money.format(total),
                Money.format(cash), sym, holdings.getOrDefault(sym, 0L));
        return new OrderResult(true, null, message, trade, current());
    }

}
