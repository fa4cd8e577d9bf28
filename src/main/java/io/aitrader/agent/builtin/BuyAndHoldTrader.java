package io.aitrader.agent.builtin;

import java.math.BigDecimal;
import java.util.Optional;

import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TraderException;
import io.aitrader.agent.TradingSession;
import io.aitrader.trading.Money;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Quantity;
import io.aitrader.trading.Symbols;

/**
 * Baseline that buys as many whole shares (or, where the market trades fractions, units to its quantity decimals) of
 * one symbol as its cash allows at the first open it can, then holds. The
 * symbol is the model's {@code symbol} option, else the session's benchmark. The benchmark need not be in the universe:
 * the engine includes it in the ledger's tradeable set for builtin traders.
 */
public final class BuyAndHoldTrader implements Trader {

    public static final String BASEMODEL = "buy-and-hold";

    @Override
    public DayTranscript tradeDay(TradingSession session) throws TraderException {
        String symbol = Symbols.normalise(
                Optional.ofNullable(session.model().option("symbol")).orElse(session.benchmark()));
        if (symbol.isEmpty()) {
            throw new TraderException("buy-and-hold needs a 'symbol' option or a benchmark");
        }
        BuiltinDay day = new BuiltinDay(session.ledger());
        Portfolio now = session.ledger().current();
        String plan = "Buy and hold " + symbol + ": ";
        if (now.shares(symbol).signum() > 0) {
            return day.finish(plan + "already holding " + Quantity.format(now.shares(symbol)) + " " + symbol
                    + "; nothing to do.");
        }
        Optional<BigDecimal> open = session.prices().open(symbol, session.ledger().date());
        if (open.isEmpty() || open.get().signum() <= 0) {
            return day.finish(plan + "no open price today; waiting for a day with one.");
        }
        BigDecimal shares = session.ledger().largestBuy(symbol,
                Quantity.affordable(now.cash(), open.get(), session.ledger().rules().quantityDecimals()));
        if (shares.signum() == 0) {
            return day
                    .finish(plan + "cash " + Money.format(now.cash()) + " buys no share at " + Money.format(open.get())
                            + ".");
        }
        day.buy(symbol, shares);
        return day.finish(plan + "buying " + Quantity.format(shares) + " shares at the open " + Money.format(open.get())
                + " with cash "
                + Money.format(now.cash()) + ", then holding.");
    }
}
