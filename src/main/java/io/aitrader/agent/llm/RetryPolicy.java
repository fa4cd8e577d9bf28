package io.aitrader.agent.llm;

import java.time.Duration;

import io.aitrader.config.AgentSettings;

/**
 * How model calls are retried (contract 4.3): up to {@code maxRetries} more attempts, waiting {@code baseDelay} then
 * twice as long each time, or what the provider's Retry-After asks for; both capped at {@code maxWait}.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxWait) {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    public static RetryPolicy from(AgentSettings settings) {
        long millis = Math.round(Math.max(0, settings.baseDelaySeconds()) * 1000);
        return new RetryPolicy(settings.maxRetries(), Duration.ofMillis(millis), MAX_WAIT);
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    Duration backoff(int attempt) {
        Duration wait = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return cap(wait);
    }

    Duration cap(Duration wait) {
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
