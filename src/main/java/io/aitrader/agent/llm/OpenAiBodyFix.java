package io.aitrader.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes chat-completions answers of lenient OpenAI-compatible servers readable by the OpenAI client: some send a
 * tool call's {@code arguments} as a JSON object instead of a string holding one, which the client cannot parse.
 * Anything else passes through untouched.
 */
final class OpenAiBodyFix {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiBodyFix() {
    }

    static String apply(String body) {
        if (body == null || !body.contains("\"arguments\"")) {
            return body;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return body; // the client reports malformed bodies itself
        }
        boolean changed = false;
        for (JsonNode choice : root.path("choices")) {
            for (JsonNode call : choice.path("message").path("tool_calls")) {
                JsonNode function = call.path("function");
                JsonNode arguments = function.path("arguments");
                if (function instanceof ObjectNode fn && (arguments.isObject() || arguments.isArray())) {
                    fn.put("arguments", arguments.toString());
                    changed = true;
                }
            }
        }
        return changed ? root.toString() : body;
    }
}
