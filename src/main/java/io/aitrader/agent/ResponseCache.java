package io.aitrader.agent;

import java.util.Optional;

/** Earlier answers of the provider to a request, by basemodel and the request's SHA-256 (the response cache). */
@FunctionalInterface
public interface ResponseCache {

    /** The answer to an equal request, or empty. */
    Optional<String> find(String basemodel, String requestHash, String request);
}
