package io.aitrader.config;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.aitrader.market.Market;
import io.aitrader.trading.rules.TradingRules;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A loaded, validated config file (contract section 3): the models to run, their agent settings, the tradeable
 * universe, the benchmark, the trading rules (contract 10; never null, {@link TradingRules#NONE} when the file has
 * none) and the market (contract 12; never null, {@link Market#US} when the file names none, as in every config
 * stored before markets existed). Environment references are already resolved.
 */
@RegisterForReflection // native image: a job stores it as JSON (StoredConfigs) outside REST
public record SimulationConfig(String agentType, DateRange dateRange, List<ModelSpec> models,
        AgentSettings agentConfig, List<String> symbols, String benchmark, TradingRules rules, Market market) {

    public SimulationConfig {
        rules = rules == null ? TradingRules.NONE : rules;
        market = market == null ? Market.US : market;
    }

    /** A US config under the rules of contract 4.2. */
    public SimulationConfig(String agentType, DateRange dateRange, List<ModelSpec> models, AgentSettings agentConfig,
            List<String> symbols, String benchmark) {
        this(agentType, dateRange, models, agentConfig, symbols, benchmark, TradingRules.NONE, Market.US);
    }

    /** The same config with other models (the rules and everything else kept). */
    public SimulationConfig withModels(List<ModelSpec> newModels) {
        return new SimulationConfig(agentType, dateRange, newModels, agentConfig, symbols, benchmark, rules, market);
    }

    /** The same config under other rules. */
    public SimulationConfig withRules(TradingRules newRules) {
        return new SimulationConfig(agentType, dateRange, models, agentConfig, symbols, benchmark, newRules, market);
    }

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
