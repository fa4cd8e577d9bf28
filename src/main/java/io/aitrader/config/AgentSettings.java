package io.aitrader.config;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The config's agent_config: loop and retry limits and the starting cash of every model. */
@RegisterForReflection // native image: a job stores it as JSON (StoredConfigs) outside REST
public record AgentSettings(int maxSteps, int maxRetries, double baseDelaySeconds, BigDecimal initialCash,
        int callTimeoutSeconds, int dayTimeoutSeconds) {
}
