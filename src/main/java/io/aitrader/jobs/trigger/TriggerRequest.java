package io.aitrader.jobs.trigger;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /simulate/trigger; every field is optional and an empty body means catch-up. */
@Schema(description = "Every field is optional; an empty body (or none) runs a catch-up of the default config.")
public record TriggerRequest(
        @Schema(description = "Config file inside CONFIGS_DIR", example = "configs/default_config.json") @JsonProperty("config_path") String configPath,
        @Schema(description = "First date (YYYY-MM-DD); null or absent resumes each model after its last completed day", nullable = true, example = "2025-10-01") @JsonProperty("start_date") String startDate,
        @Schema(description = "Last date (YYYY-MM-DD); absent means the latest trading day with prices", example = "2025-10-10") @JsonProperty("end_date") String endDate,
        @Schema(description = "Model signatures to run; absent or empty runs the config's enabled models") @JsonProperty("models") List<String> models,
        @Schema(description = "Run completed model-days again and replace their results", defaultValue = "false") @JsonProperty("replace_existing") Boolean replaceExisting) {

    public static final TriggerRequest EMPTY = new TriggerRequest(null, null, null, null, null);

    public boolean replace() {
        return Boolean.TRUE.equals(replaceExisting);
    }
}
