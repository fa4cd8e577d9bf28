package io.aitrader.config;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The config's agent_config: loop and retry limits, the starting cash of every model, and {@code maxCostUsd}, what
 * each model may spend within one job (null: no cap).
 */
@RegisterForReflection // native image: a job stores it as JSON (StoredConfigs) outside REST
public record AgentSettings(int maxSteps, int maxRetries, double baseDelaySeconds, BigDecimal initialCash,
        int callTimeoutSeconds, int dayTimeoutSeconds, BigDecimal maxCostUsd) {

    /** Settings without a spending cap. */
    public AgentSettings(int maxSteps, int maxRetries, double baseDelaySeconds, BigDecimal initialCash,
            int callTimeoutSeconds, int dayTimeoutSeconds) {
        this(maxSteps, maxRetries, baseDelaySeconds, initialCash, callTimeoutSeconds, dayTimeoutSeconds, null);
    }
}
