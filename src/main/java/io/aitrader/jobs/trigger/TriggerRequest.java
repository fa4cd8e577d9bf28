package io.aitrader.jobs.trigger;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.errors.Params;

/** Body of POST /simulate/trigger; every field is optional and an empty body means catch-up. */
@Schema(description = "Every field is optional; an empty body (or none) runs a catch-up of the default config.")
public record TriggerRequest(
        @Schema(description = "Config file inside CONFIGS_DIR", example = "configs/default_config.json") @JsonProperty("config_path") String configPath,
        @Schema(description = "First date (YYYY-MM-DD); null or absent resumes each model after its last completed day", nullable = true, example = "2025-10-01") @JsonProperty("start_date") String startDate,
        @Schema(description = "Last date (YYYY-MM-DD); absent means the latest trading day with prices", example = "2025-10-10") @JsonProperty("end_date") String endDate,
        @Schema(description = "Model signatures to run; absent or empty runs the config's enabled models") @JsonProperty("models") List<String> models,
        @Schema(description = "Run completed model-days again and replace their results", defaultValue = "false") @JsonProperty("replace_existing") Boolean replaceExisting,
        @Schema(description = "What the whole job may spend, in USD (a positive number). A model-day does not start once the job's spend has reached it: it ends `skipped` with an error starting `budget_exhausted`, and the job ends `partial` with a warning. A day already running is finished, so the cap is overshot by at most the model-days running at that moment. Each model's own cap is the config's `agent_config.max_cost_usd`.", type = SchemaType.NUMBER, nullable = true, example = "5.00") @JsonProperty("max_cost_usd") JsonNode maxCostUsd) {

    public static final TriggerRequest EMPTY = new TriggerRequest(null, null, null, null, null, null);

    /** A trigger without a spending cap. */
    public TriggerRequest(String configPath, String startDate, String endDate, List<String> models,
            Boolean replaceExisting) {
        this(configPath, startDate, endDate, models, replaceExisting, null);
    }

    /** The job's cap; null when absent. A value that is not a positive number is 400 invalid_parameter. */
    public BigDecimal maxCost() {
        return Params.positiveAmount("max_cost_usd", maxCostUsd);
    }

    public boolean replace() {
        return Boolean.TRUE.equals(replaceExisting);
    }
}
