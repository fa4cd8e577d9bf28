package io.aitrader.agent.llm;

import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.aitrader.agent.CallTape;
import io.aitrader.platform.http.SharedHttpClient;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * The HTTP client behind every LLM provider, over the service's {@link SharedHttpClient}. Unlike the library's JDK
 * client it keeps the status and the {@code Retry-After} header of a refused call (the retry policy needs both), and it
 * bounds the whole exchange, body included, by the read timeout, so a provider that hangs or trickles is cut off.
 * Every answered exchange goes to the trader's {@link CallTape} (when it has one) as sent and received; a request the
 * tape can answer from a recording (a replay, the response cache) is not sent at all.
 */
final class ProviderHttpClient implements HttpClient {

    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final UnaryOperator<String> bodyFix;
    private final CallTape tape;

    ProviderHttpClient(java.net.http.HttpClient client, Duration readTimeout, UnaryOperator<String> bodyFix,
            CallTape tape) {
        this.tape = tape;
        this.client = client;
        this.readTimeout = readTimeout;
        this.bodyFix = bodyFix;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (tape != null) {
            var served = tape.serve(withoutQuery(request.url()), request.body() == null ? "" : request.body());
            if (served.isPresent()) {
                return SuccessfulHttpResponse.builder().statusCode(200).headers(Map.of())
                        .body(bodyFix.apply(served.get())).build();
            }
        }
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(toJdk(request),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response = await(pending);
        String body = response.body() == null ? "" : response.body();
        if (tape != null) {
            tape.received(withoutQuery(request.url()), request.body() == null ? "" : request.body(),
                    response.statusCode(), body);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            throw new ProviderHttpException(response.statusCode(), body,
                    RetryAfter.parse(retryAfter, Clock.systemUTC()));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(bodyFix.apply(body)).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // the agent loop never streams; failing loudly beats a half-supported path
        listener.onError(new UnsupportedOperationException("streaming is not supported by this client"));
    }

    /** A query string may hold a key (some gateways take it there), so the recording keeps the path only. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> pending) {
        try {
            return pending.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new TimeoutException("no complete answer within " + readTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LangChain4jException("interrupted while waiting for the model");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TimeoutException("no connection within " + SharedHttpClient.CONNECT_TIMEOUT.toSeconds()
                        + " s");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException("no answer within " + readTimeout.toSeconds() + " s");
            }
            throw new LangChain4jException("I/O error: " + cause.getClass().getSimpleName(), cause);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("form data is not supported by this client");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return builder.method(request.method().name(), body).build();
    }
}
