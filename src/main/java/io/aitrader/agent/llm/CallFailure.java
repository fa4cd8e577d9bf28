package io.aitrader.agent.llm;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.exception.HttpException;

/**
 * Why one model call failed, read from the exception chain: whether trying again can help (timeouts, 408, 429, 5xx,
 * I/O errors, a garbled answer) and a short description. The description may quote the provider's error text, so
 * callers must scrub it of the API key before showing it.
 */
record CallFailure(boolean retryable, String description, Optional<Duration> retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 200;

    static CallFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return http(http);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return new CallFailure(true, "timed out" + detail(t.getMessage()), Optional.empty());
            }
            if (t instanceof JsonProcessingException) {
                return new CallFailure(true, "malformed answer (not valid JSON)", Optional.empty());
            }
            if (t instanceof IOException) {
                return new CallFailure(true, "I/O error (" + t.getClass().getSimpleName() + ")" + detail(
                        t.getMessage()), Optional.empty());
            }
        }
        return new CallFailure(false, "unexpected error (" + error.getClass().getSimpleName() + ")"
                + detail(error.getMessage()), Optional.empty());
    }

    private static CallFailure http(HttpException http) {
        int status = http.statusCode();
        boolean retryable = status == 408 || status == 429 || status >= 500;
        Optional<Duration> retryAfter = http instanceof ProviderHttpException provider
                ? provider.retryAfter()
                : Optional.empty();
        return new CallFailure(retryable, "HTTP " + status + detail(errorText(http.getMessage())), retryAfter);
    }

    /** The message of an OpenAI- or Anthropic-style error body, else the body itself. */
    private static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode message = node.path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
            if (node.path("error").isTextual()) {
                return node.path("error").asText();
            }
            if (node.path("message").isTextual()) {
                return node.path("message").asText();
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: the raw text is the best description there is
        }
        return body;
    }

    private static String detail(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return ": " + (flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...");
    }
}
