package io.aitrader.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A tool call that cannot be carried out; it becomes an error message to the model, never an exception outside. */
final class ToolFailure extends RuntimeException {

    private final String code;

    ToolFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    ObjectNode toJson() {
        return ToolJson.error(code, getMessage());
    }
}
