package io.aitrader.prices;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.aitrader.platform.retry.Pause;
import io.aitrader.platform.retry.RetryPolicy;
import io.quarkus.logging.Log;

/**
 * GETs from a price provider (Alpha Vantage, Massive), each started once the provider's request budget lets it,
 * bounded by the request timeout, and retried on server errors and I/O failures by the one backoff policy. What an
 * answer means — data, a refusal, a rate limit — is the provider client's to say.
 */
public final class PriceHttp {

    /** Three retries, waiting 2, 4, then 8 s: the one policy of every price download. */
    public static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(8));
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final RequestBudget budget;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Pause pause;

    public PriceHttp(HttpClient client, RequestBudget budget, Duration timeout, RetryPolicy retry, Pause pause) {
        this.client = client;
        this.budget = budget;
        this.timeout = timeout;
        this.retry = retry;
        this.pause = pause;
    }

    /** The production setup: {@code perMinute} requests a minute, {@link #REQUEST_TIMEOUT}, {@link #RETRY}. */
    static PriceHttp of(HttpClient client, int perMinute) {
        return new PriceHttp(client, new RequestBudget(perMinute, Clock.systemUTC(), Pause.system()),
                REQUEST_TIMEOUT, RETRY, Pause.system());
    }

    /** An answer below HTTP 500 after {@code attempts} tries, or why there is none after all of them. */
    record Answer(HttpResponse<String> response, String failure, int attempts) {
    }

    int requestsPerMinute() {
        return budget.perMinute();
    }

    /**
     * GETs {@code uri} as JSON, logged as {@code shown}, retried on HTTP 5xx, timeouts and I/O
     * failures; {@code redact} cleans any text that could hold a key before it is logged or returned.
     */
    Answer get(String provider, URI uri, String shown, UnaryOperator<String> redact) throws InterruptedException {
        String lastFailure = null;
        int attempts = retry.maxRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Duration delay = retry.backoff(attempt - 1);
                Log.warnf("%s %s: %s, retrying in %d ms (attempt %d of %d)", provider, shown, lastFailure,
                        delay.toMillis(), attempt, attempts);
                pause.pause(delay);
            }
            try {
                HttpResponse<String> response = send(uri, shown);
                if (response.statusCode() < 500) {
                    return new Answer(response, null, attempt);
                }
                lastFailure = "server error (HTTP " + response.statusCode() + ")";
            } catch (HttpTimeoutException e) {
                lastFailure = "request timed out";
            } catch (ConnectException e) {
                lastFailure = "could not connect to " + provider;
            } catch (IOException e) {
                lastFailure = redact.apply("I/O error: "
                        + (e.getMessage() == null ? "connection failed" : e.getMessage()));
            }
        }
        Log.warnf("%s %s: giving up after %d attempts: %s", provider, shown, attempts, lastFailure);
        return new Answer(null, "gave up after " + attempts + " attempts: " + lastFailure, attempts);
    }

    private HttpResponse<String> send(URI uri, String shown) throws IOException, InterruptedException {
        budget.acquire();
        Log.debugf("GET %s", shown);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
