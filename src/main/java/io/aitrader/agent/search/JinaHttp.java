package io.aitrader.agent.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.InformationSearch.SearchFailure;

/** GETs one Jina URL as JSON with the key in the Authorization header; failures never mention the key. */
final class JinaHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String apiKey;
    private final Duration timeout;

    JinaHttp(HttpClient client, String apiKey, Duration timeout) {
        this.client = client;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    JsonNode get(String url, Map<String, String> headers, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", "Bearer " + apiKey).GET();
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SearchFailure(what + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchFailure(what + " was interrupted");
        }
        if (response.statusCode() != 200) {
            throw new SearchFailure(what + " failed: HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SearchFailure(what + " failed: the answer was not JSON");
        }
    }
}
