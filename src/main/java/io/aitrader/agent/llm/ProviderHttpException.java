package io.aitrader.agent.llm;

import java.time.Duration;
import java.util.Optional;

import dev.langchain4j.exception.HttpException;

/**
 * An answer outside 2xx from a model provider, with the wait its {@code Retry-After} header asked for. It has no
 * cause on purpose: langchain4j maps exceptions by their root, and this must be that root.
 */
public class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
