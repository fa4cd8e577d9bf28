package io.aitrader.jobs.trigger;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.config.Replicas;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;

/** Body of POST /simulate/trigger; every field is optional and an empty body means catch-up. */
@Schema(description = "Every field is optional; an empty body (or none) runs a catch-up of the default config.")
public record TriggerRequest(
        @Schema(description = "Config file inside CONFIGS_DIR", example = "configs/default_config.json") @JsonProperty("config_path") String configPath,
        @Schema(description = "First date (YYYY-MM-DD); null or absent resumes each model after its last completed day", nullable = true, example = "2025-10-01") @JsonProperty("start_date") String startDate,
        @Schema(description = "Last date (YYYY-MM-DD); absent means the latest trading day with prices", example = "2025-10-10") @JsonProperty("end_date") String endDate,
        @Schema(description = "Model signatures to run; absent or empty runs the config's enabled models") @JsonProperty("models") List<String> models,
        @Schema(description = "Run completed model-days again and replace their results", defaultValue = "false") @JsonProperty("replace_existing") Boolean replaceExisting,
        @Schema(description = "What the whole job may spend, in USD (a positive number). A model-day does not start once the job's spend has reached it: it ends `skipped` with an error starting `budget_exhausted`, and the job ends `partial` with a warning. A day already running is finished, so the cap is overshot by at most the model-days running at that moment. Each model's own cap is the config's `agent_config.max_cost_usd`.", implementation = BigDecimal.class, nullable = true, example = "5.00") @JsonProperty("max_cost_usd") JsonNode maxCostUsd,
        @Schema(description = "Replay: run the model-days this (ended) job completed again — its config, models and dates, narrowed by `models`, `start_date` and `end_date` when given — answering every model call from the job's recordings instead of calling the provider: nothing is contacted and nothing is spent, and no API key is needed. A day whose requests all equal the recorded ones reproduces the recorded trades and books and replaces that day's result; the first request that differs fails the day with an error starting `replay_diverged` that names the step, and the earlier result stays. Mock and builtin models run again (they are deterministic). Not with `config_path`, `replace_existing` or `max_cost_usd`.", nullable = true, example = "3f2c9a1e-5b7d-4c1a-9e8f-2a6b4c8d0e1f") @JsonProperty("replay_of") String replayOf,
        @Schema(description = "Re-scoring (contract 10): apply the orders this ended job's models made again, day by day and in their order, under the trading rules given in `rules`, calling no model: each order is filled or refused by the new rules (a margin call's covers are the rules' doing, not orders, and are not replayed; builtin baselines, which call no model either, trade again under the new rules, sizing their orders to them). The results are written under the signatures `<signature>@<rules name>`, their own chains starting from the initial cash, so the original and the re-scored runs stand side by side in /performance. Narrowed by `models`, `start_date` and `end_date` when given. Not with `config_path`, `replace_existing`, `max_cost_usd` or `replay_of`.", nullable = true) @JsonProperty("rescore_of") String rescoreOf,
        @Schema(description = "With `rescore_of` only (a config carries its own rules): the trading rules to re-score under, as a rules object (contract 10; every field optional, `name` defaults to custom), a preset name in configs/rules such as `realistic`, or the path of a .json rules file inside CONFIGS_DIR. Every problem is listed at once in a 400 invalid_rules.", nullable = true, example = "realistic") @JsonProperty("rules") Object rules,
        @Schema(description = "Replicas (contract 11): run every model as this many independent chains `<signature>#1 … #N` (1 to 100), each with its own ledger and seed (the mock's seed + k; providers that take a `seed` get the model's `seed` + k, or k); wins over the models' own `replicas`. Replicas are models like any other: they run in parallel and count in progress, budgets and cost; /performance groups them.", implementation = Integer.class, nullable = true, example = "3") @JsonProperty("replicas") JsonNode replicas) {

    public static final TriggerRequest EMPTY = new TriggerRequest(null, null, null, null, null, null, null, null,
            null, null);

    /** A trigger without a spending cap. */
    public TriggerRequest(String configPath, String startDate, String endDate, List<String> models,
            Boolean replaceExisting) {
        this(configPath, startDate, endDate, models, replaceExisting, null, null, null, null, null);
    }

    /** A trigger that is no replay. */
    public TriggerRequest(String configPath, String startDate, String endDate, List<String> models,
            Boolean replaceExisting, JsonNode maxCostUsd) {
        this(configPath, startDate, endDate, models, replaceExisting, maxCostUsd, null, null, null, null);
    }

    /** The job's cap; null when absent. A value that is not a positive number is 400 invalid_parameter. */
    public BigDecimal maxCost() {
        return Params.positiveAmount("max_cost_usd", maxCostUsd);
    }

    /** The trigger's replicas for every model; null when absent. Not a whole number from 1 to 100: 400. */
    public Integer replicaCount() {
        if (replicas == null || replicas.isNull()) {
            return null;
        }
        if (!replicas.canConvertToInt() || !replicas.isIntegralNumber() || replicas.intValue() < 1
                || replicas.intValue() > Replicas.MAX) {
            throw ApiException.invalidField("invalid_parameter", "replicas", Params.safe(replicas.toString()),
                    "replicas must be a whole number from 1 to " + Replicas.MAX);
        }
        return replicas.intValue();
    }

    public boolean replace() {
        return Boolean.TRUE.equals(replaceExisting);
    }
}
