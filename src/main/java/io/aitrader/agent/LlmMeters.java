package io.aitrader.agent;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * One provider's LLM meters: every call (each retry attempt counts) timed by outcome ({@code success} or
 * {@code error}), the retries, and the tokens the provider reports. Built once per provider.
 */
public final class LlmMeters {

    /** Meters that record nowhere. */
    public static final LlmMeters NONE = new LlmMeters(new CompositeMeterRegistry(), "none");

    static final String CALLS = "aitrader.llm.calls";
    static final String RETRIES = "aitrader.llm.retries";
    static final String TOKENS = "aitrader.llm.tokens";
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120)};

    private final Timer success;
    private final Timer error;
    private final Counter retries;
    private final Counter inputTokens;
    private final Counter outputTokens;

    LlmMeters(MeterRegistry registry, String provider) {
        success = timer(registry, provider, "success");
        error = timer(registry, provider, "error");
        retries = Counter.builder(RETRIES).description("LLM calls retried after a retryable failure")
                .tag("provider", provider).register(registry);
        inputTokens = tokens(registry, provider, "input");
        outputTokens = tokens(registry, provider, "output");
    }

    /** Calls {@code model} once, timing the call and counting its tokens; failures are rethrown as they came. */
    public ChatResponse call(ChatModel model, ChatRequest request) {
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            error.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            throw e;
        }
        success.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        TokenUsage usage = response == null ? null : response.tokenUsage();
        if (usage != null) {
            if (usage.inputTokenCount() != null) {
                inputTokens.increment(usage.inputTokenCount());
            }
            if (usage.outputTokenCount() != null) {
                outputTokens.increment(usage.outputTokenCount());
            }
        }
        return response;
    }

    public void retry() {
        retries.increment();
    }

    private static Timer timer(MeterRegistry registry, String provider, String outcome) {
        return Timer.builder(CALLS).description("LLM calls (each attempt) by provider and outcome, with latency")
                .tag("provider", provider).tag("outcome", outcome).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Counter tokens(MeterRegistry registry, String provider, String type) {
        return Counter.builder(TOKENS).description("Tokens the LLM provider reported, by type")
                .tag("provider", provider).tag("type", type).register(registry);
    }
}
