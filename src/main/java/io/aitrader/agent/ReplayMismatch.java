package io.aitrader.agent;

/**
 * A replayed model-day asked something its recording does not hold: thrown from the HTTP client through the LLM
 * library, and turned into the day's {@link ReplayDivergedException} by the caller.
 */
public final class ReplayMismatch extends RuntimeException {

    public ReplayMismatch(String message) {
        super(message);
    }
}
