package io.aitrader.jobs.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.cost.Usd;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.ModelDayRepository;

/**
 * The spending caps (contract 9): {@code agent_config.max_cost_usd} per model within a job and the trigger's
 * {@code max_cost_usd} for the whole job. A model-day does not start once the spend stored so far has reached a cap;
 * a day already running finishes, so a model's cap is overshot by at most one of its days, and the job's by at most
 * the days running when it was reached. Days of unknown cost count nothing (the trigger warned of them).
 */
@ApplicationScoped
class Budgets {

    static final String EXHAUSTED = "budget_exhausted";

    private final ModelDayRepository modelDays;
    private final JobRepository jobs;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Budgets(ModelDayRepository modelDays, JobRepository jobs) {
        this.modelDays = modelDays;
        this.jobs = jobs;
    }

    /** Why the model's next day must not start, or empty; the first such day of a cap adds the job's warning. */
    Optional<String> exhausted(JobRecord job, SimulationConfig config, String model) {
        BigDecimal modelCap = config.agentConfig().maxCostUsd();
        BigDecimal jobCap = job.maxCostUsd();
        if (modelCap == null && jobCap == null) {
            return Optional.empty();
        }
        ModelDayRepository.Spent spent = modelDays.findSpent(job.jobId(), model);
        if (jobCap != null && spent.job().compareTo(jobCap) >= 0) {
            warnOnce(job.jobId(), EXHAUSTED + ": the job reached its max_cost_usd of " + Usd.text(jobCap)
                    + "; the model-days that had not started were skipped");
            return Optional.of(EXHAUSTED + ": the job has spent " + Usd.text(spent.job()) + " of its max_cost_usd "
                    + Usd.text(jobCap));
        }
        if (modelCap != null && spent.model().compareTo(modelCap) >= 0) {
            warnOnce(job.jobId(), EXHAUSTED + ": model " + model + " reached agent_config.max_cost_usd of "
                    + Usd.text(modelCap) + "; its later model-days were skipped");
            return Optional.of(EXHAUSTED + ": model " + model + " has spent " + Usd.text(spent.model())
                    + " in this job, its agent_config.max_cost_usd is " + Usd.text(modelCap));
        }
        return Optional.empty();
    }

    private void warnOnce(String jobId, String warning) {
        if (warned.add(jobId + '\u0000' + warning)) {
            jobs.addWarning(jobId, warning);
        }
    }
}
