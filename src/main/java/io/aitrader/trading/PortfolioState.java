package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

/**
 * Replays recorded trades on a portfolio, independently of {@link DayLedger}: used to rebuild or cross-check a day's
 * end state from its stored trades.
 */
public final class PortfolioState {

    private PortfolioState() {
    }

    /**
     * The portfolio after {@code trades}, applied in order at their recorded totals and commissions.
     *
     * @throws IllegalArgumentException when a trade is malformed or would make cash or a holding negative
     */
    public static Portfolio apply(Portfolio start, List<Trade> trades) {
        return apply(start, trades, false);
    }

    /**
     * As {@link #apply(Portfolio, List)}; with {@code allowShort} a sell may leave negative holdings and cash may go
     * negative (a margin call's covers can cost more than the cash left).
     */
    public static Portfolio apply(Portfolio start, List<Trade> trades, boolean allowShort) {
        BigDecimal cash = start.cash();
        TreeMap<String, BigDecimal> holdings = new TreeMap<>(start.holdings());
        for (Trade trade : trades) {
            if (trade.amount().signum() <= 0) {
                throw new IllegalArgumentException("trade " + trade.seq() + " has amount " + trade.amount());
            }
            String symbol = Symbols.normalise(trade.symbol());
            BigDecimal held = holdings.getOrDefault(symbol, BigDecimal.ZERO);
            switch (trade.action()) {
                case "buy", "cover" -> {
                    cash = cash.add(trade.cashEffect());
                    holdings.put(symbol, held.add(trade.amount()));
                }
                case "sell" -> {
                    if (held.compareTo(trade.amount()) < 0 && !allowShort) {
                        throw new IllegalArgumentException("trade " + trade.seq() + " sells " + trade.amount() + " "
                                + symbol + " but only " + held + " are held");
                    }
                    cash = cash.add(trade.cashEffect());
                    holdings.put(symbol, held.subtract(trade.amount()));
                }
                default -> throw new IllegalArgumentException("trade " + trade.seq() + " has action " + trade.action());
            }
            if (cash.signum() < 0 && !allowShort) {
                throw new IllegalArgumentException("trade " + trade.seq() + " overdraws cash to " + cash);
            }
        }
        return new Portfolio(cash, holdings);
    }

    /** True when both portfolios hold the same shares and numerically equal cash (scale ignored). */
    public static boolean sameState(Portfolio a, Portfolio b) {
        return a.cash().compareTo(b.cash()) == 0 && a.holdings().equals(b.holdings());
    }
}
