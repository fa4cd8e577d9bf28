package io.aitrader.config;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /models: the models of one config, without keys or base URLs (they may carry credentials). */
public record ModelList(@JsonProperty("config_path") String configPath, List<Model> models) {

    /** One model as shown to users. */
    @Schema(name = "ConfigModel")
    public record Model(String signature, String name, String provider, String basemodel, boolean enabled) {
        static Model from(ModelSpec spec) {
            return new Model(spec.signature(), spec.name(), spec.provider(), spec.basemodel(), spec.enabled());
        }
    }

    public static ModelList from(String configPath, SimulationConfig config) {
        return new ModelList(configPath, config.models().stream().map(Model::from).toList());
    }
}
