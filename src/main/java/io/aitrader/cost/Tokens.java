package io.aitrader.cost;

/**
 * Token counts of one model call or a sum of them. {@code input} is every input token, cached ones included (the
 * OpenAI convention; Anthropic's three disjoint counts are added up); {@code cachedInput} of them were read from the
 * provider's prompt cache and {@code cacheWrite} were written to it.
 */
public record Tokens(long input, long cachedInput, long cacheWrite, long output) {

    public static final Tokens ZERO = new Tokens(0, 0, 0, 0);

    public Tokens plus(Tokens other) {
        return new Tokens(input + other.input, cachedInput + other.cachedInput, cacheWrite + other.cacheWrite,
                output + other.output);
    }

    public boolean isZero() { return input == 0 && cachedInput == 0 && cacheWrite == 0 && output == 0; }
}
