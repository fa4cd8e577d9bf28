package io.aitrader.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.cost.PriceFields;

/** Turns the config's models list into {@link ModelSpec}s, recording every problem found on the way. */
final class ModelParser {

    static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "ollama", ModelSpec.MOCK, ModelSpec.BUILTIN);
    static final Set<String> LLM_PROVIDERS = Set.of("openai", "anthropic", "ollama");
    static final Set<String> BUILTIN_STRATEGIES = Set.of("buy-and-hold", "equal-weight");
    private static final Set<String> KNOWN_KEYS = Set.of("name", "signature", "basemodel", "provider", "enabled",
            "openai_base_url", "openai_api_key", "base_url", "api_key");

    private final ObjectMapper mapper;
    private final Optional<String> openaiApiKey;
    private final Optional<String> openaiApiBase;

    ModelParser(ObjectMapper mapper, Optional<String> openaiApiKey, Optional<String> openaiApiBase) {
        this.mapper = mapper;
        this.openaiApiKey = openaiApiKey.filter(s -> !s.isBlank());
        this.openaiApiBase = openaiApiBase.filter(s -> !s.isBlank());
    }

    List<ModelSpec> parse(JsonNode models, String benchmark, List<EnvReferences.Unresolved> unresolved,
            List<String> problems) {
        if (models == null || models.isNull()) {
            problems.add("models is required");
            return List.of();
        }
        if (!models.isArray()) {
            problems.add("models must be a list of model objects");
            return List.of();
        }
        List<ModelSpec> specs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            String path = "models[" + i + "]";
            if (!models.get(i).isObject()) {
                problems.add(path + " must be an object");
                continue;
            }
            ModelSpec spec = parseOne(models.get(i), path, benchmark, problems);
            reportUnresolved(path, spec.enabled(), unresolved, problems);
            Integer first = spec.signature() == null ? null : seen.putIfAbsent(spec.signature(), i);
            if (first != null) {
                problems.add(path + ".signature '" + spec.signature() + "' is already used by models[" + first + "]");
            }
            specs.add(spec);
        }
        if (specs.stream().noneMatch(ModelSpec::enabled)) {
            problems.add("models must include at least one enabled model");
        }
        return specs;
    }

    private ModelSpec parseOne(JsonNode node, String path, String benchmark, List<String> problems) {
        JsonFields fields = new JsonFields(node, path, problems);
        String name = fields.requiredText("name");
        String signature = fields.requiredText("signature");
        if (signature != null && !SIGNATURE.matcher(signature).matches()) {
            fields.problem("signature", "'" + ConfigPathResolver.shown(signature)
                    + "' must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        String provider = Optional.ofNullable(fields.text("provider")).map(p -> p.toLowerCase(Locale.ROOT))
                .orElse(ModelSpec.OPENAI);
        if (!PROVIDERS.contains(provider)) {
            fields.problem("provider", "'" + ConfigPathResolver.shown(provider)
                    + "' is not one of openai, anthropic, ollama, mock, builtin");
        }
        String basemodel = fields.text("basemodel");
        if (basemodel == null && !fields.has("basemodel") && LLM_PROVIDERS.contains(provider)) {
            fields.problem("basemodel", "is required for provider " + provider);
        }
        if (ModelSpec.BUILTIN.equals(provider) && !BUILTIN_STRATEGIES.contains(basemodel)) {
            fields.problem("basemodel", "must be buy-and-hold or equal-weight for provider builtin");
        }
        Boolean enabled = fields.bool("enabled", true);
        String baseUrl = firstNonNull(fields.text("openai_base_url"), fields.text("base_url"));
        String apiKey = firstNonNull(fields.text("openai_api_key"), fields.text("api_key"));
        if (ModelSpec.OPENAI.equals(provider)) {
            baseUrl = baseUrl != null ? baseUrl : openaiApiBase.orElse(null);
            apiKey = apiKey != null ? apiKey : openaiApiKey.orElse(null);
        }
        Map<String, Object> options = options(node, fields, provider, basemodel, benchmark, problems);
        return new ModelSpec(name, signature, provider, basemodel, enabled == null || enabled, baseUrl, apiKey,
                options);
    }

    private Map<String, Object> options(JsonNode node, JsonFields fields, String provider, String basemodel,
            String benchmark, List<String> problems) {
        Map<String, Object> options = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!KNOWN_KEYS.contains(e.getKey()) && !e.getValue().isNull()) {
                options.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
            }
        });
        if (fields.has("latency_ms")) {
            Integer latency = fields.integer("latency_ms", 0);
            if (latency != null && latency < 0) {
                fields.problem("latency_ms", "must not be negative");
            }
        }
        if (fields.has("seed")) {
            fields.integer("seed", 0);
        }
        String cutoff = fields.text(ModelSpec.KNOWLEDGE_CUTOFF);
        if (cutoff != null && ModelCards.date(cutoff).isEmpty()) {
            fields.problem(ModelSpec.KNOWLEDGE_CUTOFF, "must be a date (YYYY-MM-DD): the last day the model's training"
                    + " data covers");
        }
        if (fields.has(Replicas.OPTION)) {
            Integer replicas = fields.integer(Replicas.OPTION, 1);
            if (replicas != null && (replicas < 1 || replicas > Replicas.MAX)) {
                fields.problem(Replicas.OPTION, "must be a whole number from 1 to " + Replicas.MAX + " (got "
                        + replicas + ")");
            }
        }
        if (fields.has(ModelSpec.TEMPERATURE)) {
            BigDecimal temperature = fields.number(ModelSpec.TEMPERATURE, null);
            if (temperature != null && (temperature.signum() < 0 || temperature.compareTo(BigDecimal.valueOf(2)) > 0)) {
                fields.problem(ModelSpec.TEMPERATURE,
                        "must be a number from 0 to 2 (got " + temperature.toPlainString() + ")");
            }
        }
        if (fields.has(ModelSpec.PROMPT_CACHE)) {
            fields.bool(ModelSpec.PROMPT_CACHE, true);
        }
        if (fields.has(ModelSpec.CACHE)) {
            fields.bool(ModelSpec.CACHE, false);
        }
        if (fields.has(ModelSpec.PRICING)) {
            PriceFields.read(node.get(ModelSpec.PRICING), fields.path(ModelSpec.PRICING), problems)
                    .ifPresent(price -> options.put(ModelSpec.PRICING, price.toMap()));
        }
        if (ModelSpec.BUILTIN.equals(provider) && "buy-and-hold".equals(basemodel)) {
            String symbol = fields.text("symbol");
            if (symbol == null && benchmark != null) {
                options.put("symbol", benchmark);
            } else if (symbol != null && !ConfigParser.TICKER.matcher(symbol).matches()) {
                fields.problem("symbol", "'" + ConfigPathResolver.shown(symbol) + "' is not an uppercase ticker");
            }
        }
        return options;
    }

    private static void reportUnresolved(String path, boolean enabled, List<EnvReferences.Unresolved> unresolved,
            List<String> problems) {
        // A disabled model is never run, so its missing variables (the shipped example's OPENAI_API_KEY) are fine.
        if (!enabled) {
            return;
        }
        unresolved.stream().filter(u -> u.path().startsWith(path + "."))
                .forEach(u -> problems.add(u.path() + " references ${" + u.variable() + "}, which is not set"));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
