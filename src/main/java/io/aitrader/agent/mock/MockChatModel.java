package io.aitrader.agent.mock;

import java.math.BigDecimal;
import java.util.List;

import io.aitrader.config.ModelSpec;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The {@code mock} provider: a deterministic scripted LLM that makes real tool calls through the agent loop, so the
 * whole loop runs offline. Options: {@code seed} (default: the signature's hash), {@code latency_ms} per call, and
 * {@code fail_dates} (comma-separated dates on which the "provider" fails mid-day, after its first tool calls — to
 * exercise failure handling offline).
 */
public final class MockChatModel implements ChatModel {

    private final MockScript script;
    private final long latencyMs;
    private final java.util.Set<String> failDates;
    private final MockTurn.Parsed parsed = new MockTurn.Parsed();

    public MockChatModel(long seed, List<String> universe, long latencyMs) {
        this(seed, universe, latencyMs, java.util.Set.of());
    }

    public MockChatModel(long seed, List<String> universe, long latencyMs, java.util.Set<String> failDates) {
        this.failDates = java.util.Set.copyOf(failDates);
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency_ms must not be negative");
        }
        this.script = new MockScript(seed, universe);
        this.latencyMs = latencyMs;
    }

    public static MockChatModel from(ModelSpec spec, List<String> universe) {
        String seed = spec.option("seed");
        long seedValue = seed == null ? spec.signature().hashCode() : whole(seed, "seed");
        String latency = spec.option("latency_ms");
        String fail = spec.option("fail_dates");
        java.util.Set<String> failDates = fail == null
                ? java.util.Set.of()
                : java.util.Set.of(fail.replaceAll("[\\[\\]\\s]", "").split(","));
        return new MockChatModel(seedValue, universe, latency == null ? 0 : whole(latency, "latency_ms"), failDates);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        pause();
        MockTurn turn = MockTurn.from(request.messages(), parsed);
        if (turn.step() >= 2 && failDates.contains(String.valueOf(turn.date()))) {
            throw new IllegalStateException("simulated provider outage on " + turn.date());
        }
        AiMessage answer = script.answer(turn);
        return ChatResponse.builder().id("mock-" + turn.date() + "-" + turn.step()).modelName("mock").aiMessage(answer)
                .tokenUsage(new TokenUsage(tokens(request.messages()), tokens(List.of(answer))))
                .finishReason(answer.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    private void pause() {
        if (latencyMs == 0) {
            return;
        }
        try {
            Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the mock model", e);
        }
    }

    /** About four characters per token, like the usual tokenizers. */
    private static int tokens(List<ChatMessage> messages) {
        int chars = 0;
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                chars += system.text().length();
            } else if (message instanceof UserMessage user && user.hasSingleText()) {
                chars += user.singleText().length();
            } else if (message instanceof ToolExecutionResultMessage result) {
                chars += result.text().length();
            } else if (message instanceof AiMessage ai) {
                chars += ai.text() == null ? 0 : ai.text().length();
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    chars += call.name().length() + call.arguments().length();
                }
            }
        }
        return chars / 4 + 1;
    }

    private static long whole(String value, String option) {
        try {
            return new BigDecimal(value.trim()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("mock option " + option + " must be a whole number");
        }
    }
}
