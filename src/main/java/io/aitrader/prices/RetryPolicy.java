package io.aitrader.prices;

import java.time.Duration;

/**
 * How the Alpha Vantage client retries server errors, I/O errors and timeouts: {@code maxRetries} more attempts,
 * waiting {@code firstDelay}, then twice as long each time.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration requestTimeout, Sleeper sleeper) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30), Sleeper.system());
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** The wait before attempt number {@code attempt} (the first attempt is 1 and does not wait). */
    public Duration delayBefore(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 20));
    }
}
