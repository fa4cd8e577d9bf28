package io.aitrader.agent;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;
import io.aitrader.market.Market;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.MarketPrices;

/**
 * Everything one model-day may see and touch. The ledger is bound to this day, model and job: tools act only
 * through it. {@code previousTradingDay} may be null on the first day of the calendar; {@code usage} counts the day's
 * model calls and their tokens; {@code market} is the config's (contract 12).
 */
public record TradingSession(String jobId, ModelSpec model, AgentSettings settings, LocalDate date,
        LocalDate previousTradingDay, DayLedger ledger, MarketPrices prices, List<String> universe,
        String benchmark, BooleanSupplier cancelled, DayUsage usage, Market market) {

    /** A session of the US market. */
    public TradingSession(String jobId, ModelSpec model, AgentSettings settings, LocalDate date,
            LocalDate previousTradingDay, DayLedger ledger, MarketPrices prices, List<String> universe,
            String benchmark, BooleanSupplier cancelled, DayUsage usage) {
        this(jobId, model, settings, date, previousTradingDay, ledger, prices, universe, benchmark, cancelled, usage,
                Market.US);
    }

    /** A session whose model calls are counted in a usage of its own. */
    public TradingSession(String jobId, ModelSpec model, AgentSettings settings, LocalDate date,
            LocalDate previousTradingDay, DayLedger ledger, MarketPrices prices, List<String> universe,
            String benchmark, BooleanSupplier cancelled) {
        this(jobId, model, settings, date, previousTradingDay, ledger, prices, universe, benchmark, cancelled,
                new DayUsage());
    }
}
