package io.aitrader.prices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.quarkus.logging.Log;

/** Sends one Alpha Vantage GET once the request budget lets it start, bounded by the request timeout. */
public final class AlphaVantageHttp {

    private final HttpClient client;
    private final RequestBudget budget;
    private final Duration timeout;

    public AlphaVantageHttp(HttpClient client, RequestBudget budget, Duration timeout) {
        this.client = client;
        this.budget = budget;
        this.timeout = timeout;
    }

    int requestsPerMinute() {
        return budget.perMinute();
    }

    /** GETs {@code uri} as JSON, logging it as {@code shown} (the caller's redacted form). */
    HttpResponse<String> get(URI uri, String shown) throws IOException, InterruptedException {
        budget.acquire();
        Log.debugf("GET %s", shown);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
