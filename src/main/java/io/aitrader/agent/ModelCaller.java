package io.aitrader.agent;

import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * The single point where the agent loop calls its model, so that retries and timeouts can wrap it. A failure is a
 * {@link TraderException} whose message is safe to store and show (no API key); the original error is its cause.
 */
@FunctionalInterface
public interface ModelCaller {

    ChatResponse call(ChatRequest request) throws TraderException;

    /** Like {@link #call(ChatRequest)}; callers that wait between retries give up once {@code stop} turns true. */
    default ChatResponse call(ChatRequest request, BooleanSupplier stop) throws TraderException {
        return call(request);
    }

    /** Calls {@code model} once; {@code apiKey} (may be null) is scrubbed from error messages. */
    static ModelCaller of(ChatModel model, String apiKey) {
        return of(model, apiKey, LlmMeters.NONE);
    }

    /** As above, timing each call in {@code meters}. */
    static ModelCaller of(ChatModel model, String apiKey, LlmMeters meters) {
        return request -> {
            try {
                return meters.call(model, request);
            } catch (RuntimeException e) {
                throw new TraderException("model call failed: " + safeMessage(e, apiKey), e);
            }
        };
    }

    /** The error's message without anything that looks like a credential, short enough to store. */
    static String safeMessage(Throwable error, String apiKey) {
        return scrub(error.getMessage(), apiKey);
    }

    /** {@code message} without {@code apiKey} (may be null) or anything that looks like a credential, clipped. */
    static String scrub(String message, String apiKey) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        if (apiKey != null && apiKey.length() >= 4) {
            message = message.replace(apiKey, "***");
        }
        message = Secrets.PATTERN.matcher(message).replaceAll("$1***");
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }

    /** Holder of the credential pattern (interfaces cannot have private constants). */
    final class Secrets {
        static final Pattern PATTERN = Pattern.compile(
                "(?i)(\\bsk-|\\bbearer\\s+|api[_-]?key[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9._*\\-]{4,}");

        private Secrets() {
        }
    }
}
