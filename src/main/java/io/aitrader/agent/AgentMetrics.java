package io.aitrader.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/** The agent's meters: LLM calls per provider ({@link LlmMeters}) and tool calls ({@link ToolMeters}). */
@ApplicationScoped
public class AgentMetrics {

    /** Meters that record nowhere, for traders built outside the application (tests, tools). */
    public static final AgentMetrics NONE = new AgentMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;
    private final ToolMeters tools;
    private final Map<String, LlmMeters> llm = new ConcurrentHashMap<>();

    @Inject
    public AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.tools = new ToolMeters(registry);
    }

    public ToolMeters tools() {
        return tools;
    }

    /** The meters of one provider (openai, ollama, anthropic, mock), built on first use and then shared. */
    public LlmMeters llm(String provider) {
        return llm.computeIfAbsent(provider, p -> new LlmMeters(registry, p));
    }
}
