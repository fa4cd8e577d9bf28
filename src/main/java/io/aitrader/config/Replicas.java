package io.aitrader.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicas (contract 11): a model with {@code replicas: N} (or every model, when the trigger sets N) runs as N
 * independent chains {@code <signature>#1 … #N}, each a model of its own with its own ledger and seed — the mock's
 * seed + k, and a provider's {@code seed} option (base + k, or k) — so the spread of their results shows how much of
 * a result is chance. N = 1 leaves the model as it is.
 */
public final class Replicas {

    public static final String OPTION = "replicas";
    /** A replica's option naming the signature it is a replica of. */
    public static final String OF = "replica_of";
    public static final String SEED = "seed";
    public static final int MAX = 100;
    private static final Pattern REPLICA = Pattern.compile("(.+)#([1-9][0-9]*)");

    private Replicas() {
    }

    /**
     * The config with each model of N > 1 replicas replaced by its N replicas; {@code forAll} (may be null) is the
     * trigger's N, which wins over the models' own.
     */
    public static SimulationConfig expand(SimulationConfig config, Integer forAll) {
        List<ModelSpec> models = new ArrayList<>();
        for (ModelSpec model : config.models()) {
            int n = forAll != null ? forAll : count(model);
            if (n <= 1) {
                models.add(model);
                continue;
            }
            for (int k = 1; k <= n; k++) {
                models.add(replica(model, k));
            }
        }
        return config.withModels(models);
    }

    /** The model's own {@code replicas} (1 when absent). */
    static int count(ModelSpec model) {
        Object value = model.options() == null ? null : model.options().get(OPTION);
        return value instanceof Number number ? number.intValue() : 1;
    }

    /** The signature a replica's results are grouped under: {@code m#2} → {@code m}; any other is its own. */
    public static String base(String signature) {
        Matcher m = REPLICA.matcher(signature);
        return m.matches() ? m.group(1) : signature;
    }

    /** Whether {@code signature} is one of {@code base}'s replicas or {@code base} itself. */
    public static boolean runsAs(String base, String signature) {
        return signature.equals(base) || base(signature).equals(base) && REPLICA.matcher(signature).matches();
    }

    private static ModelSpec replica(ModelSpec model, int k) {
        Map<String, Object> options = model.options() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(model.options());
        options.remove(OPTION);
        options.put(OF, model.signature());
        Object seed = options.get(SEED);
        long base = seed instanceof Number number
                ? number.longValue()
                : ModelSpec.MOCK.equals(model.provider()) ? model.signature().hashCode() : 0;
        options.put(SEED, base + k);
        return new ModelSpec(model.name() + " #" + k, model.signature() + "#" + k, model.provider(),
                model.basemodel(), model.enabled(), model.baseUrl(), model.apiKey(), options);
    }
}
