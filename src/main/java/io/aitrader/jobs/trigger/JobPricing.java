package io.aitrader.jobs.trigger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.config.ConfigSettings;
import io.aitrader.config.ModelCards;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.SimulationConfig;
import io.aitrader.cost.ModelPrice;
import io.aitrader.cost.PriceList;

/**
 * Gives each LLM model of a new job its price (contract 9): its own {@code pricing} from the config, else the entry of
 * {@code model_pricing.json} (in CONFIGS_DIR, read at each trigger so an edit applies at once) valid today. The job
 * stores the price it got, so its cost never changes with a later edit. A model without a known price runs with
 * {@code cost_usd} null and a warning.
 */
@ApplicationScoped
public class JobPricing {

    static final String CONFIG_SOURCE = "the model's pricing in the config";

    private final ConfigSettings settings;
    private final ObjectMapper json;

    JobPricing(ConfigSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** The config with a price on every LLM model of {@code planned} that has one; {@code warnings} says the rest. */
    SimulationConfig priced(SimulationConfig config, List<String> planned, LocalDate today, List<String> warnings) {
        PriceList prices = PriceList.read(settings.configsDir().resolve(PriceList.FILE_NAME), json);
        warnings.addAll(prices.problems());
        List<ModelSpec> models = config.models().stream().map(model -> {
            if (model.free() || !planned.contains(model.signature())) {
                return model;
            }
            Optional<Map<String, Object>> price = priceOf(model, prices, today);
            if (price.isEmpty()) {
                warnings.add("No price is known for model " + model.signature() + " (basemodel " + model.basemodel()
                        + "): its cost_usd is null and max_cost_usd cannot stop it; add the model to "
                        + PriceList.FILE_NAME + " or give it a \"pricing\" object in the config");
                return model;
            }
            return model.withOption(ModelSpec.PRICING, price.get());
        }).toList();
        return config.withModels(models);
    }

    /**
     * The config with a knowledge cutoff (contract 11) on every LLM model of {@code planned} that has one: its own
     * {@code knowledge_cutoff}, else {@code model_cards.json}'s (read at each trigger). The job stores it, so its
     * results' in_training_window never changes with a later edit; a model without one gets a warning.
     */
    SimulationConfig dated(SimulationConfig config, List<String> planned, List<String> warnings) {
        ModelCards cards = ModelCards.read(settings.configsDir().resolve(ModelCards.FILE_NAME), json);
        warnings.addAll(cards.problems());
        List<ModelSpec> models = config.models().stream().map(model -> {
            if (model.free() || !planned.contains(model.signature())
                    || model.option(ModelSpec.KNOWLEDGE_CUTOFF) != null) {
                return model;
            }
            Optional<LocalDate> cutoff = cards.find(model.basemodel());
            if (cutoff.isEmpty()) {
                warnings.add("No knowledge cutoff is known for model " + model.signature() + " (basemodel "
                        + model.basemodel() + "): its days cannot be told in or out of its training window; add it to "
                        + ModelCards.FILE_NAME + " or give it a \"knowledge_cutoff\" in the config");
                return model;
            }
            return model.withOption(ModelSpec.KNOWLEDGE_CUTOFF, cutoff.get().toString());
        }).toList();
        return config.withModels(models);
    }

    private static Optional<Map<String, Object>> priceOf(ModelSpec model, PriceList prices, LocalDate today) {
        Object own = model.options() == null ? null : model.options().get(ModelSpec.PRICING);
        if (own instanceof Map<?, ?> map) {
            Map<String, Object> withSource = new LinkedHashMap<>();
            map.forEach((k, v) -> withSource.put(String.valueOf(k), v));
            withSource.putIfAbsent("source", CONFIG_SOURCE);
            return Optional.of(withSource);
        }
        return prices.find(model.basemodel(), today).map(ModelPrice::toMap);
    }
}
