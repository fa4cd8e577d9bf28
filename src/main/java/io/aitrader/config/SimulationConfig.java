package io.aitrader.config;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A loaded, validated config file (contract section 3): the models to run, their agent settings, the tradeable
 * universe and the benchmark. Environment references are already resolved.
 */
@RegisterForReflection // native image: a job stores it as JSON (StoredConfigs) outside REST
public record SimulationConfig(String agentType, DateRange dateRange, List<ModelSpec> models,
        AgentSettings agentConfig, List<String> symbols, String benchmark) {

    /** The config's date_range; either end may be absent. */
    public record DateRange(LocalDate initDate, LocalDate endDate) {
    }

    /** The symbols whose prices a run needs: the universe, then the benchmark (when there is one). */
    public Set<String> universeAndBenchmark() {
        Set<String> priced = new LinkedHashSet<>(symbols);
        if (benchmark != null && !benchmark.isBlank()) {
            priced.add(benchmark);
        }
        return priced;
    }

    public List<ModelSpec> enabledModels() {
        return models.stream().filter(ModelSpec::enabled).toList();
    }

    public Optional<ModelSpec> model(String signature) {
        return models.stream().filter(m -> m.signature().equals(signature)).findFirst();
    }
}
