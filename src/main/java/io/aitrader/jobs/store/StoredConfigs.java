package io.aitrader.jobs.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.config.ConfigService;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.OpenAiSettings;
import io.aitrader.config.SimulationConfig;

/**
 * A job keeps the config it was triggered with, minus API keys (secrets never reach the database); keys are looked
 * up again when the job runs, from the same file or the OPENAI_API_KEY fallback.
 */
@ApplicationScoped
public class StoredConfigs {

    private final ObjectMapper json;
    private final ConfigService configs;
    private final OpenAiSettings settings;

    StoredConfigs(ObjectMapper json, ConfigService configs, OpenAiSettings settings) {
        this.json = json;
        this.configs = configs;
        this.settings = settings;
    }

    public String toJson(SimulationConfig config) {
        List<ModelSpec> withoutKeys = config.models().stream().map(m -> withKey(m, null)).toList();
        try {
            return json.writeValueAsString(config.withModels(withoutKeys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Config not serialisable", e);
        }
    }

    /** The job's config as stored: without any API key. */
    public SimulationConfig withoutKeys(JobRecord job) {
        try {
            return json.readValue(job.configJson(), SimulationConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored config of job is unreadable", e);
        }
    }

    /** The job's config with each model's key restored. */
    public SimulationConfig restore(JobRecord job) {
        SimulationConfig stored = withoutKeys(job);
        SimulationConfig current = currentFile(job.configPath());
        List<ModelSpec> models = stored.models().stream()
                .map(m -> withKey(m, keyFor(m, current)))
                .toList();
        return stored.withModels(models);
    }

    private String keyFor(ModelSpec model, SimulationConfig current) {
        if (current != null) {
            var fromFile = current.model(model.signature()).map(ModelSpec::apiKey);
            if (fromFile.isPresent()) {
                return fromFile.get();
            }
        }
        return settings.openaiApiKey().orElse(null);
    }

    private SimulationConfig currentFile(String path) {
        try {
            return configs.load(path);
        } catch (RuntimeException e) {
            return null; // the file changed or vanished since the trigger; fall back to the environment's key
        }
    }

    private static ModelSpec withKey(ModelSpec m, String key) {
        return new ModelSpec(m.name(), m.signature(), m.provider(), m.basemodel(), m.enabled(), m.baseUrl(), key,
                m.options());
    }
}
