package io.aitrader.agent.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A provider's prompt cache as the stand-in plays it, counting a token as {@value #CHARS_PER_TOKEN} characters of the
 * request's JSON. The prefix is the tool list and the system prompt. Anthropic caches it only when the request marks
 * it with {@code cache_control}: the first time it is written ({@code cache_creation_input_tokens}), after that read
 * ({@code cache_read_input_tokens}). OpenAI caches every prefix on its own and counts the read part inside
 * {@code prompt_tokens} as {@code cached_tokens}. Like the real caches, a prefix shorter than {@code minimumTokens}
 * is never cached, and one model's cache is not another's.
 */
public final class PromptCacheEmulation {

    public static final int CHARS_PER_TOKEN = 4;

    private final int minimumTokens;
    private final Set<String> cached = ConcurrentHashMap.newKeySet();

    public PromptCacheEmulation(int minimumTokens) {
        this.minimumTokens = minimumTokens;
    }

    public static long tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Anthropic's usage of a Messages API request answered with {@code outputTokens}. */
    public AnthropicJson.Usage anthropic(JsonNode body, long outputTokens) {
        String prefix = json(body.get("tools")) + json(body.get("system"));
        long prefixTokens = tokens(prefix);
        long rest = tokens(json(body.get("messages")));
        if (!prefix.contains("\"cache_control\"") || prefixTokens < minimumTokens) {
            return AnthropicJson.Usage.uncached(prefixTokens + rest, outputTokens);
        }
        return cached.add(key(body, prefix))
                ? new AnthropicJson.Usage(rest, outputTokens, prefixTokens, 0)
                : new AnthropicJson.Usage(rest, outputTokens, 0, prefixTokens);
    }

    /** OpenAI's usage of a chat-completions request answered with {@code outputTokens}. */
    public ChatJson.Usage openAi(JsonNode body, long outputTokens) {
        JsonNode messages = body.path("messages");
        JsonNode first = messages.path(0);
        String system = "system".equals(first.path("role").asText()) ? json(first) : "";
        String prefix = json(body.get("tools")) + system;
        long prefixTokens = tokens(prefix);
        long total = prefixTokens + tokens(json(messages)) - tokens(system);
        boolean hit = prefixTokens >= minimumTokens && !cached.add(key(body, prefix));
        return new ChatJson.Usage(total, outputTokens, hit ? prefixTokens : 0);
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() ? "" : node.toString();
    }

    private static String key(JsonNode body, String prefix) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(prefix.getBytes(StandardCharsets.UTF_8));
            return body.path("model").asText() + ':' + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
