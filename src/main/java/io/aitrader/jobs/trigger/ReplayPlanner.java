package io.aitrader.jobs.trigger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.SimulationConfig;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.jobs.store.StoredConfigs;

/**
 * Plans a replay (contract 9, trigger field {@code replay_of}): the model-days the source job completed, narrowed by
 * {@code models}, {@code start_date} and {@code end_date}, with the source's stored config. The engine answers their
 * model calls from the source's recordings; the days replace their results.
 */
@ApplicationScoped
class ReplayPlanner {

    private final JobRepository jobs;
    private final ModelDayRepository modelDays;
    private final StoredConfigs storedConfigs;

    ReplayPlanner(JobRepository jobs, ModelDayRepository modelDays, StoredConfigs storedConfigs) {
        this.jobs = jobs;
        this.modelDays = modelDays;
        this.storedConfigs = storedConfigs;
    }

    TriggerPlan plan(TriggerRequest request) {
        String sourceId = request.replayOf().trim();
        if (request.configPath() != null || request.replace() || request.maxCost() != null) {
            throw ApiException.invalidField("invalid_parameter", "replay_of", Params.safe(sourceId),
                    "replay_of runs the job's own config and costs nothing: leave out config_path, replace_existing "
                            + "and max_cost_usd");
        }
        JobRecord source = endedSource(jobs, sourceId, "replay_of", "replay");
        Set<String> models = models(source, request.models());
        LocalDate from = TriggerPlanner.parseDate("start_date", request.startDate()).orElse(null);
        LocalDate to = TriggerPlanner.parseDate("end_date", request.endDate()).orElse(null);
        List<PlannedDay> toRun = new ArrayList<>();
        for (ModelDay day : modelDays.listByJob(sourceId)) {
            if (day.status() == ModelDayStatus.COMPLETED && models.contains(day.model())
                    && (from == null || !day.date().isBefore(from)) && (to == null || !day.date().isAfter(to))) {
                toRun.add(PlannedDay.pending(day.model(), day.date()));
            }
        }
        if (toRun.isEmpty()) {
            throw ApiException.invalidField("nothing_to_replay", "replay_of", sourceId, "Job " + sourceId
                    + " has no completed model-day" + (request.models() == null && from == null && to == null
                            ? ""
                            : " among the models and dates given")
                    + " to replay");
        }
        SimulationConfig config = storedConfigs.withoutKeys(source);
        List<String> warnings = List.of("Replay of job " + sourceId + ": model calls are answered from its "
                + "recordings, nothing is sent to a provider; mock and builtin models run again");
        return new TriggerPlan(source.configPath(), config, List.copyOf(models), toRun, List.of(), warnings, true,
                null, sourceId, null);
    }

    /**
     * The job a replay or re-scoring ({@code field}) starts from: 400 unknown_job when there is none, 400
     * job_not_ended while it is active.
     */
    static JobRecord endedSource(JobRepository jobs, String sourceId, String field, String verb) {
        JobRecord source = jobs.findById(sourceId).orElseThrow(() -> ApiException.invalidField("unknown_job", field,
                Params.safe(sourceId), "There is no job '" + Params.safe(sourceId) + "' to " + verb));
        if (source.status().active()) {
            throw ApiException.invalidField("job_not_ended", field, sourceId, "Job " + sourceId + " is still "
                    + source.status().wire() + "; " + verb + " it once it has ended");
        }
        return source;
    }

    /** The source job's models, or those {@code requested} (400 unknown_model for one the job did not run). */
    static Set<String> models(JobRecord source, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(source.models());
        }
        for (String model : requested) {
            if (model == null || !source.models().contains(model)) {
                throw ApiException.invalidField("unknown_model", "models", Params.safe(model), "Job "
                        + source.jobId() + " did not run model '" + Params.safe(model) + "'");
            }
        }
        return new LinkedHashSet<>(requested);
    }
}
