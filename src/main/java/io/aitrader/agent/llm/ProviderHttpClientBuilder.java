package io.aitrader.agent.llm;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.aitrader.agent.CallTape;
import io.aitrader.platform.http.SharedHttpClient;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;

/**
 * Builds {@link ProviderHttpClient}s over the shared JDK client; handed to the langchain4j model builders in place of
 * their default client. The read timeout is per model; the connect timeout is the shared client's, so the library's
 * setting of it is ignored.
 */
public final class ProviderHttpClientBuilder implements HttpClientBuilder {

    private final java.net.http.HttpClient shared;
    private final UnaryOperator<String> bodyFix;
    private final CallTape tape;
    private Duration readTimeout = Duration.ofSeconds(60);

    /** {@code bodyFix} rewrites successful answer bodies before the library parses them. */
    public ProviderHttpClientBuilder(java.net.http.HttpClient shared, UnaryOperator<String> bodyFix) {
        this(shared, bodyFix, null);
    }

    /** As above, recording every exchange on {@code tape} (may be null). */
    public ProviderHttpClientBuilder(java.net.http.HttpClient shared, UnaryOperator<String> bodyFix, CallTape tape) {
        this.shared = shared;
        this.bodyFix = bodyFix;
        this.tape = tape;
    }

    @Override
    public Duration connectTimeout() {
        return SharedHttpClient.CONNECT_TIMEOUT;
    }

    @Override
    public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ProviderHttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(shared, readTimeout, bodyFix, tape);
    }
}
