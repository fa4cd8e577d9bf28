package io.aitrader.config;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.market.Market;

/**
 * GET /models: the models of one config, without keys or base URLs (they may carry credentials), and the config's
 * market (contract 12) with its currency.
 */
public record ModelList(@JsonProperty("config_path") String configPath,
        @Schema(description = "The config's market: us, cn or crypto") String market,
        @Schema(description = "The market's currency (ISO 4217): USD, CNY") String currency, List<Model> models) {

    /** One model as shown to users. */
    @Schema(name = "ConfigModel")
    public record Model(String signature, String name, String provider, String basemodel, boolean enabled,
            @Schema(description = "The market the model trades on (its config's)") String market) {
        static Model from(ModelSpec spec, Market market) {
            return new Model(spec.signature(), spec.name(), spec.provider(), spec.basemodel(), spec.enabled(),
                    market.id());
        }
    }

    public static ModelList from(String configPath, SimulationConfig config) {
        return new ModelList(configPath, config.market().id(), config.market().currency(),
                config.models().stream().map(spec -> Model.from(spec, config.market())).toList());
    }
}
