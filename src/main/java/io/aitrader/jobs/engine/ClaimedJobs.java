package io.aitrader.jobs.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.Trader;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.trading.MarketPrices;

/**
 * What this instance keeps of the jobs whose model-days it claims: the stored config, the price table and one trader
 * per model, loaded once per job rather than once per day; and whether a model may start another day within the
 * job's spending caps.
 */
@ApplicationScoped
public class ClaimedJobs {

    /** One job as its model-days need it. */
    static final class Context {
        private final JobRecord job;
        private final SimulationConfig config;
        private final MarketPrices prices;
        private final Map<String, Trader> traders = new ConcurrentHashMap<>();

        Context(JobRecord job, SimulationConfig config, MarketPrices prices) {
            this.job = job;
            this.config = config;
            this.prices = prices;
        }

        JobRecord job() {
            return job;
        }

        SimulationConfig config() {
            return config;
        }

        MarketPrices prices() {
            return prices;
        }

        ModelSpec model(String signature) {
            return config.model(signature).orElseThrow();
        }
    }

    private final JobRepository jobs;
    private final StoredConfigs storedConfigs;
    private final PricePreparation preparation;
    private final JobTraders traders;
    private final Budgets budgets;
    private final Map<String, Context> contexts = new ConcurrentHashMap<>();

    ClaimedJobs(JobRepository jobs, StoredConfigs storedConfigs, PricePreparation preparation, JobTraders traders,
            Budgets budgets) {
        this.traders = traders;
        this.budgets = budgets;
        this.jobs = jobs;
        this.storedConfigs = storedConfigs;
        this.preparation = preparation;
    }

    /** The job's context, loaded on first use; empty when the job no longer exists. */
    Optional<Context> get(String jobId) {
        Context known = contexts.get(jobId);
        if (known != null) {
            return Optional.of(known);
        }
        return jobs.findById(jobId).map(job -> contexts.computeIfAbsent(jobId, id -> {
            SimulationConfig config = storedConfigs.restore(job);
            return new Context(job, config, preparation.load(config, job.dateRange()));
        }));
    }

    /** Keeps the prices the job's preparation here produced, so its model-days here start without a reload. */
    void prepared(JobRecord job, SimulationConfig config, MarketPrices prices) {
        contexts.put(job.jobId(), new Context(job, config, prices));
    }

    /**
     * The model's trader for this job; throws when the model cannot be set up (the day then fails with why). A
     * replay's LLM answers from the source job's recordings and needs no key; a cached one from the response cache.
     */
    Trader trader(Context context, String signature) {
        return context.traders.computeIfAbsent(signature,
                s -> traders.create(context.job, context.config, context.model(s)));
    }

    /** Why the model's next day of this job must not start (a spending cap is reached), or empty. */
    Optional<String> overBudget(Context context, String signature) {
        return budgets.exhausted(context.job, context.config, signature);
    }

    /** The job, while it is still active. */
    Optional<JobRecord> activeJob(String jobId) {
        return jobs.findById(jobId).filter(job -> job.status().active());
    }

    SimulationConfig config(JobRecord job) {
        return storedConfigs.restore(job);
    }

    /** Forgets jobs that are no longer active. */
    void retainOnly(Set<String> activeJobIds) {
        contexts.keySet().retainAll(activeJobIds);
    }
}
