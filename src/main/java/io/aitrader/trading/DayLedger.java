package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.aitrader.trading.rules.TradingRules;

/**
 * In-memory state of one model-day: cash, holdings and fills, each order checked against the running state and the
 * day's {@link TradingRules}. Orders fill at the day's open (after slippage), in whole shares or, where the rules allow
 * decimals, fractions of a unit; a refused order changes nothing. Methods are synchronized because a model may issue parallel tool calls.
 */
public final class DayLedger {

    private final LocalDate date;
    private final Portfolio start;
    private final MarketPrices prices;
    private final Set<String> tradeable;
    private final TradingRules rules;
    private final OpenMarks marks;
    private final TreeMap<String, BigDecimal> holdings;
    private final Map<String, BigDecimal> boughtToday = new HashMap<>();
    private final List<Trade> trades = new ArrayList<>();
    private BigDecimal cash;
    private DayOpening opening;

    /** A ledger under the rules of contract 4.2 ({@link TradingRules#NONE}). */
    public DayLedger(LocalDate date, Portfolio start, MarketPrices prices, Set<String> tradeable) {
        this(date, start, prices, tradeable, TradingRules.NONE);
    }

    /**
     * @param tradeable the symbols orders may name (upper-cased here). A symbol held long may always be sold and one
     *        held short bought back (not beyond), so a position left over from an earlier universe can be closed.
     */
    public DayLedger(LocalDate date, Portfolio start, MarketPrices prices, Set<String> tradeable,
            TradingRules rules) {
        this.date = Objects.requireNonNull(date, "date");
        this.start = Objects.requireNonNull(start, "start");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tradeable = tradeable.stream().map(Symbols::normalise).collect(Collectors.toUnmodifiableSet());
        if (start.cash().signum() < 0 && !rules.allowShort()) {
            throw new IllegalArgumentException("starting cash is negative: " + start.cash());
        }
        this.marks = new OpenMarks(prices, date);
        this.cash = start.cash();
        this.holdings = new TreeMap<>(start.holdings());
    }

    public LocalDate date() {
        return date;
    }

    public Portfolio start() {
        return start;
    }

    public TradingRules rules() {
        return rules;
    }

    public synchronized Portfolio current() {
        return new Portfolio(cash, holdings);
    }

    /**
     * The start-of-day step ({@link ShortBook#openDay}), once, before any order: takes the borrow fee and applies a
     * margin call, whose cover trades become the day's first trades. {@code previousTradingDay} is null on a model's
     * first day. {@link #start()} stays the portfolio the day began with, so the day's profit includes the fee.
     */
    public synchronized DayOpening open(LocalDate previousTradingDay) {
        if (opening != null || !trades.isEmpty()) {
            throw new IllegalStateException("the day is already open");
        }
        opening = ShortBook.openDay(date, previousTradingDay, start, prices, rules);
        cash = opening.portfolio().cash();
        holdings.clear();
        holdings.putAll(opening.portfolio().holdings());
        trades.addAll(opening.covers());
        return opening;
    }

    /** The start-of-day step, once {@link #open} ran. */
    public synchronized Optional<DayOpening> opening() {
        return Optional.ofNullable(opening);
    }

    public synchronized OrderResult buy(String symbol, BigDecimal amount) {
        return buy(symbol, Quantity.normal(amount), true);
    }

    /**
     * The most shares, at most {@code upTo} and in whole lots (or, with a lot of 1, in the smallest step the quantity
     * decimals allow), that a buy of {@code symbol} would fill now under the rules (cash with costs, position limits);
     * 0 when none would. Baselines size their buys with it.
     */
    public synchronized BigDecimal largestBuy(String symbol, BigDecimal upTo) {
        BigDecimal step = rules.lotSize() > 1
                ? BigDecimal.valueOf(rules.lotSize())
                : BigDecimal.ONE.movePointLeft(rules.quantityDecimals());
        long low = 0;
        long high = upTo.max(BigDecimal.ZERO).divideToIntegralValue(step).longValueExact();
        while (low < high) {
            long mid = (low + high + 1) >>> 1;
            if (buy(symbol, step.multiply(BigDecimal.valueOf(mid)), false).accepted()) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Quantity.normal(step.multiply(BigDecimal.valueOf(low)));
    }

    /** Checks the buy; fills it only when {@code apply} is set (otherwise an accepted result carries no trade). */
    private OrderResult buy(String symbol, BigDecimal amount, boolean apply) {
        String sym = Symbols.normalise(symbol);
        BigDecimal held = holdings.getOrDefault(sym, BigDecimal.ZERO);
        Optional<Refusal> refused = OrderChecks
                .basic(sym, amount, tradeable.contains(sym) || amount.compareTo(held.negate()) <= 0, prices, date,
                        rules.quantityDecimals())
                .or(() -> PriceLimit.buy(sym, prices, date, rules))
                .or(() -> PositionLimits.lotSize("buying", sym, amount, held.negate(), rules))
                .or(() -> PositionLimits.maxPositions(sym, held, holdings.size(), rules));
        if (refused.isPresent()) {
            return refuse(refused.get());
        }
        BigDecimal open = prices.open(sym, date).orElseThrow();
        BigDecimal fill = Fills.buy(open, rules);
        BigDecimal total = Fills.notional(true, fill, amount);
        BigDecimal commission = Commission.of(total, amount, rules);
        BigDecimal cashAfter = cash.subtract(total).subtract(commission);
        TreeMap<String, BigDecimal> after = new TreeMap<>(holdings);
        after.merge(sym, amount, BigDecimal::add);
        refused = OrderChecks.cashForBuy(sym, amount, fill, total, commission, cash)
                .or(() -> PositionLimits.afterBuy(sym, amount, fill, cashAfter, after, marks, rules));
        if (refused.isPresent()) {
            return refuse(refused.get());
        }
        if (!apply) {
            return new OrderResult(true, null, null, null, null);
        }
        BigDecimal added = held.add(amount).max(BigDecimal.ZERO).subtract(held.max(BigDecimal.ZERO));
        if (added.signum() > 0) {
            boughtToday.merge(sym, added, BigDecimal::add);
        }
        return fill("buy", sym, amount, open, fill, total, commission, cashAfter, after);
    }

    public synchronized OrderResult sell(String symbol, BigDecimal quantity) {
        BigDecimal amount = Quantity.normal(quantity);
        String sym = Symbols.normalise(symbol);
        BigDecimal held = holdings.getOrDefault(sym, BigDecimal.ZERO);
        // outside the universe a position may be closed, never turned into (or grown as) a short
        boolean known = tradeable.contains(sym) || (held.signum() > 0 || start.shares(sym).signum() > 0)
                && (!rules.allowShort() || amount.compareTo(held) <= 0);
        Optional<Refusal> refused = OrderChecks.basic(sym, amount, known, prices, date, rules.quantityDecimals())
                .or(() -> PriceLimit.sell(sym, prices, date, rules))
                .or(() -> PositionLimits.lotSize("selling", sym, amount, held, rules))
                .or(() -> PositionLimits.settlement(sym, amount, held, boughtToday.getOrDefault(sym, BigDecimal.ZERO),
                        rules))
                .or(() -> rules.allowShort() ? Optional.empty() : OrderChecks.shares(sym, amount, held));
        if (refused.isPresent()) {
            return refuse(refused.get());
        }
        BigDecimal open = prices.open(sym, date).orElseThrow();
        BigDecimal fill = Fills.sell(open, rules);
        BigDecimal total = Fills.notional(false, fill, amount);
        BigDecimal commission = Commission.of(total, amount, rules);
        BigDecimal cashAfter = cash.add(total).subtract(commission);
        TreeMap<String, BigDecimal> after = new TreeMap<>(holdings);
        after.merge(sym, amount.negate(), BigDecimal::add);
        boolean shortGrows = held.subtract(amount).compareTo(held.min(BigDecimal.ZERO)) < 0;
        refused = OrderChecks.cashForSell(sym, amount, total, commission, cash)
                .or(() -> shortGrows
                        ? ShortBook.margin(sym, amount, fill, cashAfter, after, marks, rules)
                        : Optional.empty());
        if (refused.isPresent()) {
            return refuse(refused.get());
        }
        return fill("sell", sym, amount, open, fill, total, commission, cashAfter, after);
    }

    public synchronized List<Trade> trades() {
        return List.copyOf(trades);
    }

    private OrderResult refuse(Refusal refusal) {
        return new OrderResult(false, refusal.code(), refusal.message(), null, current());
    }

    private OrderResult fill(String action, String sym, BigDecimal amount, BigDecimal open, BigDecimal fill,
            BigDecimal total, BigDecimal commission, BigDecimal cashAfter, TreeMap<String, BigDecimal> after) {
        cash = cashAfter;
        holdings.clear();
        holdings.putAll(new Portfolio(cashAfter, after).holdings());
        Trade trade = new Trade(trades.size() + 1, action, sym, amount, open, total, fill, commission,
                Fills.slippage(open, fill, amount), null);
        trades.add(trade);
        String costs = rules.tradesAsNone()
                ? ""
                : String.format(Locale.ROOT, "; open %s, slippage %s, commission %s", Money.format(open),
                        Money.format(trade.slippage()), Money.format(commission));
        String message = String.format(Locale.ROOT, "%s %s %s at %s (total %s%s). Cash now %s; %s held: %s.",
                action.equals("buy") ? "Bought" : "Sold", trade.amount().toPlainString(), sym, Money.format(fill),
                Money.format(total), costs, Money.format(cash), sym,
                holdings.getOrDefault(sym, BigDecimal.ZERO).toPlainString());
        return new OrderResult(true, null, message, trade, current());
    }
}
