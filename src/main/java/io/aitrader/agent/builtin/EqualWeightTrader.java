package io.aitrader.agent.builtin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TradingSession;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.Money;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Quantity;
import io.aitrader.trading.Symbols;

/**
 * Baseline that rebalances at each open to equal weights over the universe symbols that have an open today: target
 * shares = floor(total value at open / n / open), in whole shares or to the market's quantity decimals. Holdings outside the universe are sold when they have an open;
 * holdings without an open today cannot be traded and are left out of the total. Sells run first, then buys in
 * symbol order while cash allows, so the result is deterministic.
 */
public final class EqualWeightTrader implements Trader {

    public static final String BASEMODEL = "equal-weight";

    @Override
    public DayTranscript tradeDay(TradingSession session) {
        DayLedger ledger = session.ledger();
        Portfolio now = ledger.current();
        Set<String> universe = new TreeSet<>();
        session.universe().forEach(symbol -> universe.add(Symbols.normalise(symbol)));
        Map<String, BigDecimal> opens = opensToday(session, universe, now);
        long n = universe.stream().filter(opens::containsKey).count();
        BuiltinDay day = new BuiltinDay(ledger);
        if (n == 0) {
            return day.finish("Equal weight: no universe symbol has an open price today; nothing to do.");
        }

        BigDecimal total = now.cash();
        for (Map.Entry<String, BigDecimal> holding : now.holdings().entrySet()) {
            BigDecimal open = opens.get(holding.getKey());
            if (open != null) {
                total = total.add(open.multiply(holding.getValue()));
            }
        }
        Map<String, BigDecimal> targets = new TreeMap<>();
        int decimals = ledger.rules().quantityDecimals();
        BigDecimal perSymbol = total.divide(BigDecimal.valueOf(n), Money.DIVISION);
        for (Map.Entry<String, BigDecimal> entry : opens.entrySet()) {
            // divide the exact total once per symbol, so the floor never suffers from a rounded per-symbol target
            BigDecimal nShares = entry.getValue().multiply(BigDecimal.valueOf(n));
            targets.put(entry.getKey(), universe.contains(entry.getKey())
                    ? Quantity.affordable(total, nShares, decimals)
                    : BigDecimal.ZERO);
        }
        rebalance(day, ledger, targets, opens);
        return day.finish(String.format(Locale.ROOT,
                "Equal weight over %d symbols with an open today: total value at the open %s, target %s per", n,
                Money.format(total), Money.format(Money.report(perSymbol)))
                + " symbol; target shares " + targets + ".");
    }

    /** Opens of the universe and of every held symbol, for those that have a usable one today. */
    private static Map<String, BigDecimal> opensToday(TradingSession session, Set<String> universe, Portfolio now) {
        Set<String> candidates = new TreeSet<>(universe);
        candidates.addAll(now.holdings().keySet());
        Map<String, BigDecimal> opens = new TreeMap<>();
        for (String symbol : candidates) {
            session.prices().open(symbol, session.ledger().date()).filter(p -> p.signum() > 0)
                    .ifPresent(p -> opens.put(symbol, p));
        }
        return opens;
    }

    private static void rebalance(BuiltinDay day, DayLedger ledger, Map<String, BigDecimal> targets,
            Map<String, BigDecimal> opens) {
        targets.forEach((symbol, target) -> {
            BigDecimal excess = ledger.current().shares(symbol).subtract(target);
            if (excess.signum() > 0) {
                day.sell(symbol, excess);
            }
        });
        targets.forEach((symbol, target) -> {
            BigDecimal buy = ledger.largestBuy(symbol, target.subtract(ledger.current().shares(symbol)));
            if (buy.signum() > 0) {
                day.buy(symbol, buy);
            }
        });
    }
}
