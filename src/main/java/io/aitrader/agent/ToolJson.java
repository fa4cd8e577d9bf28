package io.aitrader.agent;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.trading.Portfolio;

/** JSON reading and writing for tool arguments and results (the text the model sees). */
final class ToolJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ToolJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode error(String code, String message) {
        return object().put("error", code).put("message", message);
    }

    /** Positions as the results API shows them: each non-zero holding and CASH. */
    static ObjectNode positions(Portfolio portfolio) {
        ObjectNode node = object();
        portfolio.holdings().forEach(node::put);
        node.put("CASH", plain(portfolio.cash()));
        return node;
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tool JSON", e);
        }
    }

    /** At most {@code max} characters of what the model sent, for error messages that quote it. */
    static String quote(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
