package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.aitrader.trading.rules.TradingRules;

/**
 * The short-selling rules of contract 10: the margin an opening or growing short needs, and the start-of-day step
 * (borrow fee, then a margin call when cash is below the maintenance margin).
 */
public final class ShortBook {

    static final String MARGIN_CALL = "margin_call";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FEE_DIVISOR = BigDecimal.valueOf(10_000L * 365);

    private ShortBook() {
    }

    /** Opening or growing a short needs cash after the trade ≥ short_margin_pct % of the gross short value. */
    static Optional<Refusal> margin(String sym, BigDecimal amount, BigDecimal fill, BigDecimal cashAfter,
            Map<String, BigDecimal> holdingsAfter, OpenMarks marks, TradingRules rules) {
        BigDecimal shorts = marks.shortValue(holdingsAfter, sym, fill);
        BigDecimal needed = shorts.multiply(rules.shortMarginPct()).divide(HUNDRED);
        if (cashAfter.compareTo(needed) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("short_margin_pct", String.format(Locale.ROOT,
                "Short margin: selling %s %s at %s would leave cash %s, but shorts worth %s need at least %s (%s%%).",
                Quantity.format(amount), sym, Money.format(fill), Money.format(cashAfter), Money.format(shorts),
                Money.format(Money.report(needed)), Money.plain(rules.shortMarginPct()))));
    }

    /**
     * The start of a trading day, before the model acts: the borrow fee (short value at the open ×
     * borrow_fee_bps_per_year/10^4 × calendar days since {@code previousTradingDay} / 365, rounded to 4 decimals
     * HALF_UP; none when {@code previousTradingDay} is null) is taken from cash; then, when cash is below
     * maintenance_margin_pct % of the short value at the open, every short is bought back at the open under the fill
     * rules. Pure: the portfolio passed in is not changed.
     */
    public static DayOpening openDay(LocalDate date, LocalDate previousTradingDay, Portfolio start,
            MarketPrices prices, TradingRules rules) {
        OpenMarks marks = new OpenMarks(prices, date);
        BigDecimal shortValue = marks.shortValue(start.holdings(), null, null);
        if (shortValue.signum() == 0) {
            return new DayOpening(start, BigDecimal.ZERO, List.of(), List.of());
        }
        BigDecimal fee = borrowFee(shortValue, date, previousTradingDay, rules);
        BigDecimal cash = start.cash().subtract(fee);
        if (cash.multiply(HUNDRED).compareTo(rules.maintenanceMarginPct().multiply(shortValue)) >= 0) {
            return new DayOpening(new Portfolio(cash, start.holdings()), fee, List.of(), List.of());
        }
        TreeMap<String, BigDecimal> holdings = new TreeMap<>(start.holdings());
        List<Trade> covers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> holding : start.holdings().entrySet()) {
            if (holding.getValue().signum() >= 0) {
                continue;
            }
            String sym = holding.getKey();
            BigDecimal shares = holding.getValue().negate();
            Optional<BigDecimal> open = prices.open(sym, date);
            if (open.isEmpty()) {
                warnings.add(String.format(Locale.ROOT,
                        "Margin call: %s has no open price on %s, so its short of %s shares stays open.", sym, date,
                        Quantity.format(shares)));
                continue;
            }
            Trade cover = cover(covers.size() + 1, sym, shares, open.get(), rules);
            covers.add(cover);
            cash = cash.add(cover.cashEffect());
            holdings.remove(sym);
        }
        return new DayOpening(new Portfolio(cash, holdings), fee, covers, warnings);
    }

    static BigDecimal borrowFee(BigDecimal shortValue, LocalDate date, LocalDate previousTradingDay,
            TradingRules rules) {
        if (previousTradingDay == null || rules.borrowFeeBpsPerYear().signum() == 0) {
            return BigDecimal.ZERO;
        }
        long days = ChronoUnit.DAYS.between(previousTradingDay, date);
        if (days <= 0) {
            throw new IllegalArgumentException("previous trading day " + previousTradingDay + " is not before " + date);
        }
        return shortValue.multiply(rules.borrowFeeBpsPerYear()).multiply(BigDecimal.valueOf(days))
                .divide(FEE_DIVISOR, Fills.SCALE, RoundingMode.HALF_UP);
    }

    private static Trade cover(int seq, String sym, BigDecimal shares, BigDecimal open, TradingRules rules) {
        BigDecimal fill = Fills.buy(open, rules);
        BigDecimal notional = Fills.notional(true, fill, shares);
        return new Trade(seq, "cover", sym, shares, open, notional, fill, Commission.of(notional, shares, rules),
                Fills.slippage(open, fill, shares), MARGIN_CALL);
    }
}
