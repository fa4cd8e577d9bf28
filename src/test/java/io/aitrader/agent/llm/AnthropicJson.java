package io.aitrader.agent.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds Messages API answers as Anthropic sends them, with its usage block, for the stand-in to serve. */
public final class AnthropicJson {

    private AnthropicJson() {
    }

    /** Anthropic's usage: three disjoint input counts (uncached, written to the cache, read from it) and the output. */
    public record Usage(long inputTokens, long outputTokens, long cacheCreationInputTokens,
            long cacheReadInputTokens) {

        public static Usage uncached(long inputTokens, long outputTokens) {
            return new Usage(inputTokens, outputTokens, 0, 0);
        }
    }

    /** One tool_use block; {@code inputJson} is the tool's arguments as an object. */
    public record ToolUse(String id, String name, String inputJson) {
    }

    public static String text(String text, Usage usage) {
        return answer(text, usage);
    }

    public static String toolUse(String text, Usage usage, ToolUse... calls) {
        return answer(text, usage, calls);
    }

    private static String answer(String text, Usage usage, ToolUse... calls) {
        ObjectNode root = OpenAiStandIn.JSON.createObjectNode().put("id", "msg_test").put("type", "message")
                .put("role", "assistant").put("model", "claude-test");
        ArrayNode content = root.putArray("content");
        if (text != null) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (ToolUse call : calls) {
            try {
                content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                        .set("input", OpenAiStandIn.JSON.readTree(call.inputJson()));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        root.put("stop_reason", calls.length > 0 ? "tool_use" : "end_turn").putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", usage.inputTokens()).put("output_tokens", usage.outputTokens())
                .put("cache_creation_input_tokens", usage.cacheCreationInputTokens())
                .put("cache_read_input_tokens", usage.cacheReadInputTokens());
        return root.toString();
    }
}
