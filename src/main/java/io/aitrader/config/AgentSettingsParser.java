package io.aitrader.config;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The config's agent_config section, each key defaulting to the contract's value when absent. */
final class AgentSettingsParser {

    private AgentSettingsParser() {
    }

    /** With the initial cash of contract 3, 10,000. */
    static AgentSettings parse(JsonNode node, List<String> problems) {
        return parse(node, BigDecimal.valueOf(10000), problems);
    }

    /** {@code defaultCash}: the market's initial cash, when the section gives none. */
    static AgentSettings parse(JsonNode node, BigDecimal defaultCash, List<String> problems) {
        JsonFields f = new JsonFields(node, "agent_config", problems);
        Integer maxSteps = f.integer("max_steps", 30);
        Integer maxRetries = f.integer("max_retries", 3);
        BigDecimal baseDelay = f.number("base_delay", BigDecimal.ONE);
        BigDecimal initialCash = f.number("initial_cash", defaultCash);
        Integer callTimeout = f.integer("call_timeout_seconds", 60);
        Integer dayTimeout = f.integer("day_timeout_seconds", 600);
        BigDecimal maxCost = f.number("max_cost_usd", null);
        check(f, "max_steps", maxSteps != null && maxSteps <= 0, "must be a positive integer (got " + maxSteps + ")");
        check(f, "max_retries", maxRetries != null && maxRetries < 0, "must be 0 or more (got " + maxRetries + ")");
        check(f, "base_delay", baseDelay != null && baseDelay.signum() < 0,
                "must be 0 or more (got " + baseDelay + ")");
        check(f, "initial_cash", initialCash != null && initialCash.signum() <= 0,
                "must be positive (got " + initialCash + ")");
        check(f, "call_timeout_seconds", callTimeout != null && callTimeout <= 0,
                "must be a positive integer (got " + callTimeout + ")");
        check(f, "day_timeout_seconds", dayTimeout != null && dayTimeout <= 0,
                "must be a positive integer (got " + dayTimeout + ")");
        check(f, "max_cost_usd", maxCost != null && maxCost.signum() <= 0,
                "must be a positive number of USD (got " + (maxCost == null ? null : maxCost.toPlainString()) + ")");
        return new AgentSettings(orZero(maxSteps), orZero(maxRetries),
                baseDelay == null ? 0 : baseDelay.doubleValue(), initialCash, orZero(callTimeout), orZero(dayTimeout),
                maxCost);
    }

    private static void check(JsonFields fields, String field, boolean failed, String message) {
        if (failed) {
            fields.problem(field, message);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
