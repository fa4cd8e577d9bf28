package io.aitrader.platform.retry;

import java.time.Duration;

/**
 * How a failed call is retried: up to {@code maxRetries} more attempts, waiting {@code firstDelay} after the first
 * failure and twice as long after each further one, never longer than {@code maxWait}. Attempts count from 1.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxWait) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (firstDelay.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** The wait after failed attempt number {@code attempt}, before attempt {@code attempt + 1}. */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        return cap(firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20)));
    }

    /** {@code wait}, or {@code maxWait} when that is shorter (also for waits a server asks for). */
    public Duration cap(Duration wait) {
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
