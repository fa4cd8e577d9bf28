package io.aitrader.config;

import java.math.BigDecimal;

/** The config's agent_config: loop and retry limits and the starting cash of every model. */
public record AgentSettings(int maxSteps, int maxRetries, double baseDelaySeconds, BigDecimal initialCash,
        int callTimeoutSeconds, int dayTimeoutSeconds) {
}
