package io.aitrader.agent.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TradingSession;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.Money;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Symbols;

/**
 * Baseline that rebalances at each open to equal weights over the universe symbols that have an open today: target
 * shares = floor(total value at open / n / open). Holdings outside the universe are sold when they have an open;
 * holdings without an open today cannot be traded and are left out of the total. Sells run first, then buys in
 * symbol order while cash allows, so the result is deterministic.
 */
public final class EqualWeightTrader implements Trader {

    public static final String BASEMODEL = "equal-weight";

    @Override
    public DayTranscript tradeDay(TradingSession session) {
        DayLedger ledger = session.ledger();
        LocalDate date = ledger.date();
        Portfolio now = ledger.current();
        Set<String> universe = new TreeSet<>();
        session.universe().forEach(symbol -> universe.add(Symbols.normalise(symbol)));

        Map<String, BigDecimal> opens = new TreeMap<>();
        Set<String> candidates = new TreeSet<>(universe);
        candidates.addAll(now.holdings().keySet());
        for (String symbol : candidates) {
            Optional<BigDecimal> open = session.prices().open(symbol, date).filter(p -> p.signum() > 0);
            open.ifPresent(p -> opens.put(symbol, p));
        }
        long n = universe.stream().filter(opens::containsKey).count();
        BuiltinDay day = new BuiltinDay(ledger);
        if (n == 0) {
            return day.finish("Equal weight: no universe symbol has an open price today; nothing to do.");
        }

        BigDecimal total = now.cash();
        for (Map.Entry<String, Long> holding : now.holdings().entrySet()) {
            BigDecimal open = opens.get(holding.getKey());
            if (open != null) {
                total = total.add(open.multiply(BigDecimal.valueOf(holding.getValue())));
            }
        }
        Map<String, Long> targets = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> entry : opens.entrySet()) {
            long target = universe.contains(entry.getKey())
                    ? total
                            .divide(entry.getValue().multiply(BigDecimal.valueOf(n)), 0, RoundingMode.FLOOR)
                            .longValueExact()
                    : 0;
            targets.put(entry.getKey(), target);
        }

        targets.forEach((symbol, target) -> {
            long excess = now.shares(symbol) - target;
            if (excess > 0) {
                day.sell(symbol, excess);
            }
        });
        targets.forEach((symbol, target) -> {
            Portfolio current = ledger.current();
            long affordable = current.cash().divide(opens.get(symbol), 0, RoundingMode.FLOOR).longValueExact();
            long buy = Math.min(target - current.shares(symbol), affordable);
            if (buy > 0) {
                day.buy(symbol, buy);
            }
        });
        return day.finish(
                "Equal weight over %d symbols with an open today: total value at the open %s, target %s per symbol; target shares %s."
                        .formatted(n, Money.format(total),
                                Money.format(Money.report(total.divide(BigDecimal.valueOf(n), Money.DIVISION))),
                                targets));
    }
}
