package io.aitrader.platform.http;

import java.net.http.HttpClient;
import java.time.Duration;

import jakarta.inject.Singleton;

/**
 * The one outgoing HTTP client of the service, shared by the LLM providers, Jina and Alpha Vantage. Only the connect
 * timeout is set here; how long a call may take is each request's own timeout.
 */
@Singleton
public class SharedHttpClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    /** Builds the client when the bean is first needed, at run time, never while a native image is built. */
    public SharedHttpClient() {
        // HTTP/1.1: over plain http the JDK's HTTP/2 default asks for an h2c upgrade, which local model servers
        // and stand-ins need not understand
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public HttpClient client() {
        return client;
    }
}
