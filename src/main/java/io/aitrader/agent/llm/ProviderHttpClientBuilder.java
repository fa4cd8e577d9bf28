package io.aitrader.agent.llm;

import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;

/** Builds {@link ProviderHttpClient}s; handed to the langchain4j model builders in place of their default client. */
public final class ProviderHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout = Duration.ofSeconds(15);
    private Duration readTimeout = Duration.ofSeconds(60);
    private final UnaryOperator<String> bodyFix;

    /** {@code bodyFix} rewrites successful answer bodies before the library parses them. */
    public ProviderHttpClientBuilder(UnaryOperator<String> bodyFix) {
        this.bodyFix = bodyFix;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
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
        return new ProviderHttpClient(connectTimeout, readTimeout, bodyFix);
    }
}
