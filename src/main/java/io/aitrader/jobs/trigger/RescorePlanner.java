package io.aitrader.jobs.trigger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ConfigService;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.SimulationConfig;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.jobs.store.StoredConfigs;
import io.aitrader.trading.rules.TradingRules;

/**
 * Plans a re-scoring (contract 10, trigger fields {@code rescore_of} and {@code rules}): the days the source job holds
 * results for, narrowed by {@code models}, {@code start_date} and {@code end_date}, under the new rules and the
 * signatures {@code <signature>@<rules name>}. The engine applies the source's orders again instead of calling a
 * model.
 */
@ApplicationScoped
class RescorePlanner {

    private final JobRepository jobs;
    private final LedgerRepository ledger;
    private final StoredConfigs storedConfigs;
    private final ConfigService configs;

    RescorePlanner(JobRepository jobs, LedgerRepository ledger, StoredConfigs storedConfigs, ConfigService configs) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.storedConfigs = storedConfigs;
        this.configs = configs;
    }

    TriggerPlan plan(TriggerRequest request) {
        String sourceId = request.rescoreOf().trim();
        if (request.configPath() != null || request.replace() || request.maxCost() != null
                || request.replayOf() != null) {
            throw ApiException.invalidField("invalid_parameter", "rescore_of", Params.safe(sourceId),
                    "rescore_of applies the job's own orders and calls no model: leave out config_path, "
                            + "replace_existing, max_cost_usd and replay_of");
        }
        JobRecord source = ReplayPlanner.endedSource(jobs, sourceId, "rescore_of", "re-score");
        TradingRules rules = configs.loadRules(request.rules());
        Set<String> models = ReplayPlanner.models(source, request.models());
        LocalDate from = TriggerPlanner.parseDate("start_date", request.startDate()).orElse(null);
        LocalDate to = TriggerPlanner.parseDate("end_date", request.endDate()).orElse(null);
        List<PlannedDay> toRun = new ArrayList<>();
        for (LedgerRepository.ModelDate day : ledger.listResultDays(sourceId)) {
            if (models.contains(day.model()) && (from == null || !day.date().isBefore(from))
                    && (to == null || !day.date().isAfter(to))) {
                toRun.add(PlannedDay.pending(signature(day.model(), rules), day.date()));
            }
        }
        if (toRun.isEmpty()) {
            throw ApiException.invalidField("nothing_to_rescore", "rescore_of", sourceId, "Job " + sourceId
                    + " holds no result" + (request.models() == null && from == null && to == null
                            ? ""
                            : " among the models and dates given")
                    + " to re-score (a later run of the same model and date replaces a job's result)");
        }
        SimulationConfig stored = storedConfigs.withoutKeys(source);
        List<ModelSpec> rescored = stored.models().stream().filter(m -> models.contains(m.signature()))
                .map(m -> rescored(m, rules)).toList();
        List<String> signatures = rescored.stream().map(ModelSpec::signature).toList();
        List<String> warnings = List.of("Re-scoring of job " + sourceId + " under rules '" + rules.name()
                + "': its models' orders are applied again under these rules, no model is called");
        return new TriggerPlan(source.configPath(), stored.withModels(rescored).withRules(rules), signatures, toRun,
                List.of(), warnings, true, null, null, sourceId);
    }

    static String signature(String source, TradingRules rules) {
        return source + "@" + rules.name();
    }

    private static ModelSpec rescored(ModelSpec model, TradingRules rules) {
        Map<String, Object> options = model.options() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(model.options());
        options.put(ModelSpec.RESCORES, model.signature());
        return new ModelSpec(model.name() + " @" + rules.name(), signature(model.signature(), rules),
                model.provider(), model.basemodel(), true, model.baseUrl(), null, options);
    }
}
