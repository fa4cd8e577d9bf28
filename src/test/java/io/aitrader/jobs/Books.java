package io.aitrader.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test's own books for contract 10's formulas, written out by hand (not the ledger's code): fills at the open moved
 * by the slippage and rounded to 4 decimals, commission max(minimum, shares × per-share rate), shorts as negative
 * holdings, the borrow fee at the open over calendar days, values at the close.
 */
final class Books {

    record Order(String action, String symbol, long amount) {
    }

    record Fill(Order order, BigDecimal fill, BigDecimal notional, BigDecimal commission, BigDecimal slippage) {
    }

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    private final SamplePriceFile prices;
    private final BigDecimal slippageBps;
    private final BigDecimal perShare;
    private final BigDecimal minimum;
    private final boolean shorts;
    private final BigDecimal borrowBpsPerYear;
    BigDecimal cash = new BigDecimal("10000");
    final TreeMap<String, Long> holdings = new TreeMap<>();
    final Map<String, List<Fill>> fills = new HashMap<>();
    final Map<String, BigDecimal> borrowFees = new HashMap<>();
    final Map<String, BigDecimal> values = new HashMap<>();
    BigDecimal commission = BigDecimal.ZERO;
    BigDecimal slippage = BigDecimal.ZERO;
    BigDecimal traded = BigDecimal.ZERO;
    int refused;
    private String lastDay;

    private Books(SamplePriceFile prices, String slippageBps, String perShare, String minimum, boolean shorts,
            String borrowBpsPerYear) {
        this.prices = prices;
        this.slippageBps = new BigDecimal(slippageBps);
        this.perShare = new BigDecimal(perShare);
        this.minimum = new BigDecimal(minimum);
        this.shorts = shorts;
        this.borrowBpsPerYear = new BigDecimal(borrowBpsPerYear);
    }

    /** rules_e2e.json's "costly": 10 bps slippage, 0.01 a share with a 1.00 minimum, shorts, 100 bps a year. */
    static Books costly(SamplePriceFile prices) {
        return new Books(prices, "10", "0.01", "1", true, "100");
    }

    /** Contract 4.2: at the open, no costs, no shorts. */
    static Books none(SamplePriceFile prices) {
        return new Books(prices, "0", "0", "0", false, "0");
    }

    void trade(String day, List<Order> orders) {
        BigDecimal shortValue = BigDecimal.ZERO;
        for (Map.Entry<String, Long> h : holdings.entrySet()) {
            if (h.getValue() < 0) {
                shortValue = shortValue.add(prices.open(h.getKey(), day).multiply(BigDecimal.valueOf(-h.getValue())));
            }
        }
        if (shortValue.signum() > 0) {
            long days = ChronoUnit.DAYS.between(LocalDate.parse(lastDay), LocalDate.parse(day));
            BigDecimal fee = shortValue.multiply(borrowBpsPerYear).multiply(BigDecimal.valueOf(days))
                    .divide(TEN_THOUSAND.multiply(BigDecimal.valueOf(365)), 4, RoundingMode.HALF_UP);
            borrowFees.put(day, fee);
            cash = cash.subtract(fee);
        }
        List<Fill> made = new ArrayList<>();
        if (shortValue.signum() > 0 && cash.multiply(new BigDecimal("100"))
                .compareTo(new BigDecimal("130").multiply(shortValue)) < 0) {
            for (Map.Entry<String, Long> h : new TreeMap<>(holdings).entrySet()) {
                if (h.getValue() < 0) {
                    made.add(fill(day, new Order("cover", h.getKey(), -h.getValue())));
                }
            }
        }
        for (Order order : orders) {
            long held = holdings.getOrDefault(order.symbol(), 0L);
            boolean buy = order.action().equals("buy");
            if (!buy && !shorts && order.amount() > held) {
                refused++;
                continue;
            }
            made.add(fill(day, order));
        }
        fills.put(day, made);
        BigDecimal value = cash;
        for (Map.Entry<String, Long> h : holdings.entrySet()) {
            value = value.add(prices.close(h.getKey(), day).multiply(BigDecimal.valueOf(h.getValue())));
        }
        values.put(day, value);
        lastDay = day;
    }

    /** Fills one order (a cover buys), moving cash and holdings and adding up the costs. */
    private Fill fill(String day, Order order) {
        long held = holdings.getOrDefault(order.symbol(), 0L);
        boolean buy = !order.action().equals("sell");
        BigDecimal open = prices.open(order.symbol(), day);
        BigDecimal factor = BigDecimal.ONE.add((buy ? slippageBps : slippageBps.negate()).divide(TEN_THOUSAND));
        BigDecimal fill = slippageBps.signum() == 0
                ? open
                : open.multiply(factor).setScale(4, RoundingMode.HALF_UP);
        BigDecimal notional = fill.multiply(BigDecimal.valueOf(order.amount()));
        BigDecimal fee = perShare.signum() == 0
                ? BigDecimal.ZERO
                : perShare.multiply(BigDecimal.valueOf(order.amount())).max(minimum);
        BigDecimal slipped = fill.subtract(open).abs().multiply(BigDecimal.valueOf(order.amount()));
        cash = buy ? cash.subtract(notional).subtract(fee) : cash.add(notional).subtract(fee);
        long after = held + (buy ? order.amount() : -order.amount());
        if (after == 0) {
            holdings.remove(order.symbol());
        } else {
            holdings.put(order.symbol(), after);
        }
        commission = commission.add(fee);
        slippage = slippage.add(slipped);
        traded = traded.add(notional);
        return new Fill(order, fill, notional, fee, slipped);
    }

    BigDecimal value(String day) {
        return values.get(day);
    }

    /** Traded notional / the mean of the daily values × 100, rounded to 4 decimals as /performance shows it. */
    double turnoverPct(List<String> days) {
        BigDecimal sum = days.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(days.size()), 10, RoundingMode.HALF_UP);
        return traded.multiply(BigDecimal.valueOf(100)).divide(mean, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
