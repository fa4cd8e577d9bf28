package io.aitrader.jobs.engine;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.events.CancelFlags;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;

/**
 * A job's first phase, run by whichever instance claims it: prices fetched and checked, dates that cannot run
 * skipped with a warning; ends with the job running, its model-days claimable.
 */
@ApplicationScoped
public class JobPreparation {

    private final JobRepository jobs;
    private final ModelDayRepository modelDays;
    private final PricePreparation preparation;
    private final JobFinisher finisher;
    private final CancelFlags cancelFlags;

    JobPreparation(JobRepository jobs, ModelDayRepository modelDays, PricePreparation preparation, JobFinisher finisher,
            CancelFlags cancelFlags) {
        this.jobs = jobs;
        this.modelDays = modelDays;
        this.preparation = preparation;
        this.finisher = finisher;
        this.cancelFlags = cancelFlags;
    }

    /** Returns the job's prices as prepared, so that its model-days need not load them again. */
    PricePreparation.Prepared prepare(JobRecord job, SimulationConfig config) {
        String jobId = job.jobId();
        finisher.phase(jobId, JobStatus.DOWNLOADING_DATA);
        PricePreparation.Prepared prices = preparation.prepare(jobId, config, job.dateRange());
        // a cancelled job's days are cancelled, not skipped (the cancel may still be storing that): only the
        // download's warnings concern it
        boolean cancelled = cancelFlags.isCancelled(jobId);
        if (!cancelled) {
            skipIncomplete(modelDays.listByJob(jobId), prices);
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
}
