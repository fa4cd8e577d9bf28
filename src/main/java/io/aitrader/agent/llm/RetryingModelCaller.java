package io.aitrader.agent.llm;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.aitrader.agent.LlmMeters;
import io.aitrader.agent.ModelCaller;
import io.aitrader.agent.ReplayDivergedException;
import io.aitrader.agent.ReplayMismatch;
import io.aitrader.agent.TraderCancelledException;
import io.aitrader.agent.TraderException;
import io.aitrader.config.AgentSettings;
import io.aitrader.platform.retry.Pause;
import io.aitrader.platform.retry.RetryPolicy;
import io.quarkus.logging.Log;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Calls a real provider with the retry policy of contract 4.3. The per-call timeout is the HTTP client's (see
 * {@link ProviderHttpClient}); a waiting retry gives up as soon as the model-day is stopped. Failure reasons never
 * carry the API key, and the provider's exception is not attached as a cause, since its text may echo the key.
 */
public final class RetryingModelCaller implements ModelCaller {

    /** No wait between model calls is longer, whatever the backoff or the provider's Retry-After asks for. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final String label;
    private final ChatModel model;
    private final String apiKey;
    private final RetryPolicy policy;
    private final Pause pause;
    private final LlmMeters meters;

    public RetryingModelCaller(String label, ChatModel model, String apiKey, RetryPolicy policy, Pause pause) {
        this(label, model, apiKey, policy, pause, LlmMeters.NONE);
    }

    /** As above, timing every attempt and counting retries and tokens in {@code meters}. */
    public RetryingModelCaller(String label, ChatModel model, String apiKey, RetryPolicy policy, Pause pause,
            LlmMeters meters) {
        this.label = label;
        this.model = model;
        this.apiKey = apiKey;
        this.policy = policy;
        this.pause = pause;
        this.meters = meters;
    }

    /** The config's {@code max_retries}, and {@code base_delay} seconds as the first wait. */
    public static RetryPolicy policy(AgentSettings settings) {
        long millis = Math.round(Math.max(0, settings.baseDelaySeconds()) * 1000);
        return new RetryPolicy(settings.maxRetries(), Duration.ofMillis(millis), MAX_WAIT);
    }

    @Override
    public ChatResponse call(ChatRequest request) throws TraderException {
        return call(request, () -> false);
    }

    @Override
    public ChatResponse call(ChatRequest request, BooleanSupplier stop) throws TraderException {
        for (int attempt = 1;; attempt++) {
            if (stop.getAsBoolean()) {
                throw new TraderCancelledException();
            }
            CallFailure failure;
            try {
                return meters.call(model, request);
            } catch (RuntimeException e) {
                rethrowReplayMismatch(e);
                failure = CallFailure.of(e);
            }
            String reason = ModelCaller.scrub(failure.description(), apiKey);
            if (!failure.retryable()) {
                throw new TraderException("model call failed: " + reason);
            }
            if (attempt > policy.maxRetries()) {
                throw new TraderException(
                        "model call failed after " + attempt + (attempt == 1 ? " attempt: " : " attempts: ")
                                + reason);
            }
            Duration wait = policy.cap(failure.retryAfter().orElse(policy.backoff(attempt)));
            meters.retry();
            Log.warnf("Model %s: call failed (%s); retry %d of %d in %d ms", label, reason, attempt,
                    policy.maxRetries(), wait.toMillis());
            waitBeforeRetry(wait, stop);
        }
    }

    /** A replay that left its recording is no provider failure: never retried, and the day says where it diverged. */
    private static void rethrowReplayMismatch(RuntimeException e) throws ReplayDivergedException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReplayMismatch mismatch) {
                throw new ReplayDivergedException(mismatch.getMessage());
            }
        }
    }

    private void waitBeforeRetry(Duration wait, BooleanSupplier stop) throws TraderException {
        try {
            if (!pause.pause(wait, stop)) {
                throw new TraderCancelledException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraderException("interrupted while waiting to retry the model call");
        }
    }
}
