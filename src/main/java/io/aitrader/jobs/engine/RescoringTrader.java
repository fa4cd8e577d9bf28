package io.aitrader.jobs.engine;

import java.util.List;
import java.util.Locale;

import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TradingSession;
import io.aitrader.agent.builtin.BuiltinDay;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.trading.Trade;

/**
 * Re-scoring (contract 10): the orders a model filled in the source job on the day, applied again in their order to
 * the day's ledger under the job's rules, each filled or refused by them. No model is called. The source's refused
 * attempts are not replayed (they changed nothing, and the model's next order already answered the refusal), nor its
 * margin-call covers (the rules' doing, not orders).
 */
final class RescoringTrader implements Trader {

    private final String sourceJob;
    private final String sourceModel;
    private final String rulesName;
    private final LedgerRepository ledger;

    RescoringTrader(String sourceJob, String sourceModel, String rulesName, LedgerRepository ledger) {
        this.sourceJob = sourceJob;
        this.sourceModel = sourceModel;
        this.rulesName = rulesName;
        this.ledger = ledger;
    }

    @Override
    public DayTranscript tradeDay(TradingSession session) {
        List<Trade> orders = ledger.listOrders(sourceJob, sourceModel, session.date());
        BuiltinDay day = new BuiltinDay(session.ledger());
        for (Trade order : orders) {
            if ("sell".equals(order.action())) {
                day.sell(order.symbol(), order.amount());
            } else {
                day.buy(order.symbol(), order.amount());
            }
        }
        return day.finish(String.format(Locale.ROOT,
                "Re-scoring of %s in job %s under rules %s: its %d order%s of %s applied again, no model called.",
                sourceModel, sourceJob, rulesName, orders.size(), orders.size() == 1 ? "" : "s", session.date()));
    }
}
