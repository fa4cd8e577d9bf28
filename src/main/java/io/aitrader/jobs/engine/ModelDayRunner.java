package io.aitrader.jobs.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;

import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.DayUsage;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TraderException;
import io.aitrader.agent.TradingSession;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.SimulationConfig;
import io.aitrader.cost.DayCost;
import io.aitrader.cost.ModelPrice;
import io.aitrader.cost.PriceFields;
import io.aitrader.jobs.claims.WorkClaims;
import io.aitrader.jobs.events.JobEvent;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.jobs.store.DayCalls;
import io.aitrader.jobs.store.DayRecord;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.StartState;
import io.aitrader.platform.database.StoreException;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.DayOpening;
import io.aitrader.trading.DayValuation;
import io.aitrader.trading.MarketPrices;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Symbols;
import io.aitrader.trading.Valuer;
import io.quarkus.logging.Log;

/**
 * Runs one model-day: start state from the ledger, the trader in memory, then one commit (contract 4.2–4.4). Every
 * line logged meanwhile on this thread carries {@code job_id}, {@code model} and {@code date} (MDC).
 */
@ApplicationScoped
public class ModelDayRunner {

    private final LedgerRepository ledger;
    private final ModelDayRepository modelDays;
    private final DayCommitter committer;
    private final JobEvents events;
    private final JobMetrics metrics;

    ModelDayRunner(LedgerRepository ledger, ModelDayRepository modelDays, DayCommitter committer, JobEvents events,
            JobMetrics metrics) {
        this.ledger = ledger;
        this.modelDays = modelDays;
        this.committer = committer;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * Runs a day {@link ClaimedWork} claimed.
     * Returns the day's final status; never throws for a trader's failure, only when the database fails.
     */
    /** A day's final status, and the model's next day when its commit claimed it (null: claim it separately). */
    record Outcome(ModelDayStatus status, WorkClaims.Claimed next) {

        static Outcome of(ModelDayStatus status) {
            return new Outcome(status, null);
        }
    }

    Outcome run(ModelDay day, SimulationConfig config, ModelSpec model, Trader trader, MarketPrices prices,
            BooleanSupplier jobCancelled, ModelChain chain, LocalDate storedBefore, DayCommitter.NextDay next) {
        MDC.put("job_id", day.jobId());
        MDC.put("model", day.model());
        MDC.put("date", day.date().toString());
        try {
            Outcome outcome = attempt(day, config, model, trader, prices, jobCancelled, chain, storedBefore, next);
            if (outcome.status() != ModelDayStatus.COMPLETED) {
                chain.broken();
            }
            return outcome;
        } finally {
            MDC.remove("job_id");
            MDC.remove("model");
            MDC.remove("date");
        }
    }

    private Outcome attempt(ModelDay day, SimulationConfig config, ModelSpec model, Trader trader,
            MarketPrices prices, BooleanSupplier jobCancelled, ModelChain chain, LocalDate storedBefore,
            DayCommitter.NextDay next) {
        long started = System.nanoTime();
        Log.debugf("Model-day %s %s started", day.model(), day.date());
        events.publish(JobEvent.modelDay(day.jobId(), day.model(), day.date(), ModelDayStatus.RUNNING, null));
        long deadline = System.nanoTime() + config.agentConfig().dayTimeoutSeconds() * 1_000_000_000L;
        BooleanSupplier stop = () -> jobCancelled.getAsBoolean() || System.nanoTime() > deadline;
        DayUsage usage = new DayUsage();
        try {
            DayRecord record = trade(day, config, model, trader, prices, stop, chain, storedBefore, usage);
            ModelDayStatus stopped = stopped(day, config, deadline, jobCancelled, started, model, usage);
            if (stopped != null) {
                return Outcome.of(stopped);
            }
            DayCommitter.Commit commit = committer.commit(record, next);
            if (!commit.stored()) {
                // the watchdog or a cancel ended the day first (its status stands), or another instance took it over
                return Outcome.of(ModelDayStatus.FAILED);
            }
            chain.committed(day.date(), record.end(), record.endingValue());
            long took = System.nanoTime() - started;
            metrics.dayRan(ModelDayStatus.COMPLETED, took);
            metrics.spent(day.model(), record.cost());
            Log.debugf("Model-day %s %s completed in %d ms", day.model(), day.date(), took / 1_000_000);
            events.publish(JobEvent.modelDay(day.jobId(), day.model(), day.date(), ModelDayStatus.COMPLETED, null));
            return new Outcome(ModelDayStatus.COMPLETED, commit.next());
        } catch (TraderException e) {
            // a trader stopped by the deadline or a cancel reports only "cancelled": say which it was
            ModelDayStatus stopped = stopped(day, config, deadline, jobCancelled, started, model, usage);
            return Outcome.of(stopped != null ? stopped : fail(day, e.getMessage(), started, model, usage));
        } catch (StoreException e) {
            throw e; // the store cannot record this day's failure either: the day's lease is given up (ClaimedWork)
        } catch (RuntimeException e) {
            return Outcome.of(fail(day, "Internal error while running the model-day: "
                    + e.getClass().getSimpleName(), started, model, usage));
        }
    }

    private DayRecord trade(ModelDay day, SimulationConfig config, ModelSpec model, Trader trader,
            MarketPrices prices, BooleanSupplier stop, ModelChain chain, LocalDate storedBefore, DayUsage usage)
            throws TraderException {
        BigDecimal initialCash = config.agentConfig().initialCash();
        StartState start = chain.startFor(day.date(), storedBefore)
                .or(() -> ledger.findLastCompletedBefore(day.model(), day.date()))
                .orElseGet(() -> new StartState(null, Portfolio.cashOnly(initialCash), initialCash));
        DayLedger dayLedger = new DayLedger(day.date(), start.portfolio(), prices, tradeable(config, model),
                config.rules());
        // the borrow fee runs from the day the shorts were last held (the previous trading day in an unbroken chain)
        DayOpening opening = dayLedger.open(start.previousDate());
        LocalDate previousTradingDay = config.market().calendar().previousTradingDay(day.date());
        TradingSession session = new TradingSession(day.jobId(), model, config.agentConfig(), day.date(),
                previousTradingDay, dayLedger, prices, config.symbols(), config.benchmark(), stop, usage,
                config.market());
        DayTranscript transcript = trader.tradeDay(session);
        Portfolio end = dayLedger.current();
        DayValuation value = Valuer.valueDay(day.date(), start.portfolio(), end, prices, start.previousValue());
        List<String> warnings = new ArrayList<>(opening.warnings());
        warnings.addAll(value.warnings());
        return new DayRecord(day.jobId(), day.id(), day.model(), day.date(), end, value.startingValue(),
                value.endingValue(), start.previousValue(), value.profit(),
                value.returnPct() == null ? BigDecimal.ZERO : value.returnPct(), dayLedger.trades(), transcript,
                warnings, cost(model, usage), calls(model, usage), opening.borrowFee(),
                model.free() ? DayRecord.NO_TRAINING : model.option(ModelSpec.KNOWLEDGE_CUTOFF),
                config.market().id());
    }

    private static DayCalls calls(ModelSpec model, DayUsage usage) {
        return new DayCalls(model.basemodel(), usage.recording().calls());
    }

    /** The day's usage priced at the model's price (contract 9): mock and builtin are free, an unknown price null. */
    static DayCost cost(ModelSpec model, DayUsage usage) {
        ModelPrice price = model.free()
                ? ModelPrice.FREE
                : PriceFields.fromStored(model.options() == null ? null : model.options().get(ModelSpec.PRICING))
                        .orElse(null);
        return DayCost.of(usage.calls(), usage.unreported(), usage.tokens(), price, usage.servedCalls());
    }

    private ModelDayStatus stopped(ModelDay day, SimulationConfig config, long deadline, BooleanSupplier cancelled,
            long started, ModelSpec model, DayUsage usage) {
        if (System.nanoTime() > deadline) {
            return fail(day, "The model-day exceeded its timeout of " + config.agentConfig().dayTimeoutSeconds()
                    + " s", started, model, usage);
        }
        if (cancelled.getAsBoolean()) {
            return finish(day, ModelDayStatus.CANCELLED, "The job was cancelled", started, model, usage);
        }
        return null;
    }

    /** LLM and mock traders trade the universe; builtin baselines may also hold the benchmark. */
    private static Set<String> tradeable(SimulationConfig config, ModelSpec model) {
        Set<String> symbols = new HashSet<>(config.symbols());
        if (ModelSpec.BUILTIN.equals(model.provider())) {
            symbols.add(config.benchmark());
            String own = model.option("symbol");
            if (own != null) {
                symbols.add(Symbols.normalise(own));
            }
        }
        return symbols;
    }

    private ModelDayStatus fail(ModelDay day, String reason, long started, ModelSpec model, DayUsage usage) {
        return finish(day, ModelDayStatus.FAILED, reason, started, model, usage);
    }

    /**
     * Ends the running day unless the watchdog ended it first (then its status and reason stand), keeping what its
     * model calls cost and their recordings: they were paid for whatever the outcome.
     */
    private ModelDayStatus finish(ModelDay day, ModelDayStatus status, String reason, long started, ModelSpec model,
            DayUsage usage) {
        DayCost cost = cost(model, usage);
        if (!modelDays.updateEnded(day, ModelDayStatus.RUNNING, status, reason, cost, calls(model, usage))) {
            return status; // the status and reason stored first stand
        }
        metrics.dayRan(status, System.nanoTime() - started);
        metrics.spent(day.model(), cost);
        if (status == ModelDayStatus.FAILED) {
            Log.warnf("Model-day %s %s failed: %s", day.model(), day.date(), reason);
        } else {
            Log.infof("Model-day %s %s %s: %s", day.model(), day.date(), status.wire(), reason);
        }
        events.publish(JobEvent.modelDay(day.jobId(), day.model(), day.date(), status, reason));
        return status;
    }
}
