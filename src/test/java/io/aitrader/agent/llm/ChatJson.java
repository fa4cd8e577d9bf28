package io.aitrader.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds chat-completions answers as OpenAI sends them, with usage, for the stand-in to serve. */
public final class ChatJson {

    private ChatJson() {
    }

    /** One tool call; {@code arguments} is put as given: a JSON string (standard) or an object (lenient servers). */
    public record Call(String id, String name, JsonNode arguments) {
    }

    /** A standard call: the arguments are a string holding JSON. */
    public static Call call(String id, String name, String argumentsJson) {
        return new Call(id, name, OpenAiStandIn.JSON.getNodeFactory().textNode(argumentsJson));
    }

    /** A lenient server's call: the arguments are a JSON object. */
    public static Call objectCall(String id, String name, String argumentsJson) {
        try {
            return new Call(id, name, OpenAiStandIn.JSON.readTree(argumentsJson));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The usage block: {@code promptTokens} counts every input token, cached ones included; {@code cachedTokens} null
     * leaves {@code prompt_tokens_details} out, as servers without a prompt cache do.
     */
    public record Usage(long promptTokens, long completionTokens, Long cachedTokens) {
    }

    static final Usage DEFAULT_USAGE = new Usage(120, 30, null);

    public static String text(String content) {
        return answer(content, DEFAULT_USAGE);
    }

    public static String text(String content, Usage usage) {
        return answer(content, usage);
    }

    public static String tools(String content, Call... calls) {
        return answer(content, DEFAULT_USAGE, calls);
    }

    public static String tools(String content, Usage usage, Call... calls) {
        return answer(content, usage, calls);
    }

    static String answer(String content, Call... calls) {
        return answer(content, DEFAULT_USAGE, calls);
    }

    static String answer(String content, Usage usage, Call... calls) {
        ObjectNode root = OpenAiStandIn.JSON.createObjectNode().put("id", "chatcmpl-test")
                .put("object", "chat.completion").put("created", 1_759_300_000).put("model", "gpt-test");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        if (calls.length > 0) {
            ArrayNode list = message.putArray("tool_calls");
            for (Call call : calls) {
                ObjectNode node = list.addObject().put("id", call.id()).put("type", "function");
                node.putObject("function").put("name", call.name()).set("arguments", call.arguments());
            }
        }
        choice.put("finish_reason", calls.length > 0 ? "tool_calls" : "stop");
        ObjectNode counts = root.putObject("usage").put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.promptTokens() + usage.completionTokens());
        if (usage.cachedTokens() != null) {
            counts.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens());
        }
        return root.toString();
    }
}
