package io.aitrader.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One configured trader. {@code provider} is openai (default), anthropic, ollama, mock or builtin; {@code options}
 * keeps provider-specific keys (latency_ms, symbol, ...) as they appear in the file. {@code apiKey} is resolved from
 * its ${ENV} reference and must never be shown, logged or stored.
 */
@RegisterForReflection // native image: a job stores it as JSON (StoredConfigs) outside REST
public record ModelSpec(String name, String signature, String provider, String basemodel, boolean enabled,
        String baseUrl, String apiKey, Map<String, Object> options) {

    public static final String OPENAI = "openai";
    public static final String MOCK = "mock";
    public static final String BUILTIN = "builtin";
    /** The option holding a model's price: its own from the config, or the pricing file's once a job is triggered. */
    public static final String PRICING = "pricing";
    /** The option that turns marking the prompt's stable prefix for the provider's cache off (Anthropic; on by default). */
    public static final String PROMPT_CACHE = "prompt_cache";

    /** The option that answers a request seen before from the recordings (the response cache, for development). */
    public static final String CACHE = "cache";
    /** A re-scored model's option (contract 10): the source job's model whose orders it applies again. */
    public static final String RESCORES = "rescores";
    /** A model's sampling temperature (0 to 2), sent to providers that take one; absent: the provider's default. */
    public static final String TEMPERATURE = "temperature";
    /**
     * The last date the model's training data covers (contract 11), from its config or model_cards.json, fixed with
     * the job; absent: not known.
     */
    public static final String KNOWLEDGE_CUTOFF = "knowledge_cutoff";

    /** Whether the model's requests are answered from the response cache when an equal one was recorded. */
    public boolean cached() {
        return "true".equalsIgnoreCase(option(CACHE));
    }

    /** The same model with {@code key} as its API key. */
    /** The same model with one more option (or another value for it). */
    public ModelSpec withOption(String key, Object value) {
        Map<String, Object> more = options == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(options);
        more.put(key, value);
        return new ModelSpec(name, signature, provider, basemodel, enabled, baseUrl, apiKey, more);
    }

    public ModelSpec withApiKey(String key) {
        return new ModelSpec(name, signature, provider, basemodel, enabled, baseUrl, key, options);
    }

    /** Mock and builtin models call no paid provider. */
    public boolean free() {
        return MOCK.equals(provider) || BUILTIN.equals(provider);
    }

    public String option(String key) {
        Object value = options == null ? null : options.get(key);
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public String toString() {
        return "ModelSpec[" + signature + ", provider=" + provider + ", basemodel=" + basemodel + "]";
    }
}
