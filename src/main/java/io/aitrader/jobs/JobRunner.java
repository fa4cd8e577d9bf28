package io.aitrader.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.Trader;
import io.aitrader.agent.TraderFactory;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.ServiceSettings;
import io.aitrader.config.SimulationConfig;
import io.aitrader.trading.MarketPrices;
import io.quarkus.logging.Log;

/**
 * Runs a stored job: prepares prices, then one pipeline per model — its days in date order — with models in parallel
 * and no barrier between dates, so a fast model never waits for a slow one.
 */
@ApplicationScoped
public class JobRunner {

    private final JobRepository jobs;
    private final StoredConfigs storedConfigs;
    private final PricePreparation preparation;
    private final ModelDayRunner dayRunner;
    private final TraderFactory traders;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;
    private final ServiceSettings settings;

    JobRunner(JobRepository jobs, StoredConfigs storedConfigs, PricePreparation preparation, ModelDayRunner dayRunner,
            TraderFactory traders, JobFinisher finisher, CancelFlags cancelFlags, ServiceSettings settings) {
        this.jobs = jobs;
        this.storedConfigs = storedConfigs;
        this.preparation = preparation;
        this.dayRunner = dayRunner;
        this.traders = traders;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
        this.settings = settings;
    }

    public void run(String jobId) {
        try {
            JobRecord job = jobs.findById(jobId).orElse(null);
            if (job != null && job.status().active()) {
                execute(job);
            }
        } catch (StoreException e) {
            stopOnStorage(jobId, e);
        } catch (RuntimeException e) {
            Log.errorf("Job %s failed: %s", jobId, e.getMessage());
            try {
                finisher.fail(jobId, "The job could not run: " + e.getClass().getSimpleName());
            } catch (StoreException s) {
                stopOnStorage(jobId, s);
            }
        } finally {
            cancelFlags.forget(jobId);
        }
    }

    private void stopOnStorage(String jobId, StoreException e) {
        finisher.storageFailed(jobId, e);
        finisher.failOnStorage(jobId);
    }

    private void execute(JobRecord job) {
        String jobId = job.jobId();
        SimulationConfig config = storedConfigs.restore(job);
        PricePreparation.Prepared prices = prepare(job, config);
        runModels(job, config, jobs.details(jobId), prices.table());
        if (finisher.stoppedByStorage(jobId)) {
            finisher.failOnStorage(jobId);
        } else {
            finisher.finish(jobId);
        }
    }

    /**
     * The job's first phase: prices fetched and checked, dates that cannot run skipped with a warning; ends with the
     * job running.
     */
    PricePreparation.Prepared prepare(JobRecord job, SimulationConfig config) {
        String jobId = job.jobId();
        finisher.phase(jobId, JobStatus.DOWNLOADING_DATA);
        List<ModelDay> days = jobs.details(jobId);
        PricePreparation.Prepared prices = preparation.prepare(jobId, config, job.dateRange());
        // a cancelled job's days are cancelled, not skipped (the cancel may still be storing that): only the
        // download's warnings concern it
        boolean cancelled = cancelFlags.isCancelled(jobId);
        if (!cancelled) {
            skipIncomplete(days, prices);
        }
        List<String> found = cancelled ? prices.downloadWarnings() : prices.warnings();
        if (!found.isEmpty()) {
            List<String> warnings = new ArrayList<>(job.warnings());
            found.stream().filter(w -> !warnings.contains(w)).forEach(warnings::add); // prepared again
            jobs.updateWarnings(jobId, warnings);
        }
        finisher.phase(jobId, JobStatus.RUNNING);
        return prices;
    }

    private void skipIncomplete(List<ModelDay> days, PricePreparation.Prepared prices) {
        for (ModelDay day : days) {
            String reason = prices.incomplete().get(day.date());
            if (day.status() == ModelDayStatus.PENDING && reason != null) {
                finisher.endPendingDay(day, ModelDayStatus.SKIPPED, "Prices for " + day.date() + " are incomplete: "
                        + reason);
            }
        }
    }

    private void runModels(JobRecord job, SimulationConfig config, List<ModelDay> days, MarketPrices prices) {
        Map<String, List<ModelDay>> byModel = new LinkedHashMap<>();
        days.stream().filter(d -> d.status() == ModelDayStatus.PENDING)
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .forEach(d -> byModel.computeIfAbsent(d.model(), m -> new ArrayList<>()).add(d));
        if (byModel.isEmpty()) {
            return;
        }
        int limit = settings.maxParallelModels() > 0 ? settings.maxParallelModels() : byModel.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(limit, byModel.size()),
                runnable -> new Thread(runnable, "model-" + job.jobId().substring(0, 8)));
        try {
            byModel.forEach((signature, modelDays) -> pool.execute(
                    () -> runModel(job.jobId(), config, signature, modelDays, prices)));
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    private void runModel(String jobId, SimulationConfig config, String signature, List<ModelDay> days,
            MarketPrices prices) {
        try {
            runDays(jobId, config, signature, days, prices);
        } catch (StoreException e) {
            finisher.storageFailed(jobId, e); // the other pipelines stop at their next day
        }
    }

    private void runDays(String jobId, SimulationConfig config, String signature, List<ModelDay> days,
            MarketPrices prices) {
        ModelSpec model = config.model(signature).orElseThrow();
        Trader trader;
        try {
            trader = traders.create(model, config.agentConfig(), config.symbols());
        } catch (RuntimeException e) {
            days.forEach(d -> finisher.endPendingDay(d, ModelDayStatus.FAILED, "The model could not be set up: "
                    + e.getMessage()));
            return;
        }
        ModelChain chain = dayRunner.chain(signature, days);
        for (ModelDay day : days) {
            if (finisher.halted(jobId)) {
                return;
            }
            jobs.markDay(day.id(), ModelDayStatus.RUNNING, null);
            dayRunner.run(day, config, model, trader, prices, () -> cancelFlags.isCancelled(jobId), chain);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                Log.debug("Waiting for model pipelines to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
