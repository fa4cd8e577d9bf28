package io.aitrader.agent.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON the model gets from get_information, kept under {@link #MAX_CHARS} characters by trimming page texts. */
final class SearchOutput {

    static final int MAX_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] TEXT_LIMITS = {1500, 800, 400, 200, 0};

    /** One result; {@code date} null means undated (such a result is never shown). */
    record Item(String title, String url, LocalDate date, String text) {
    }

    private final String query;
    private final LocalDate day;
    private final List<Item> items = new ArrayList<>();
    private int dropped;
    private int undated;

    SearchOutput(String query, LocalDate day) {
        this.query = query;
        this.day = day;
    }

    void add(Item item) {
        items.add(item);
    }

    void dropped() {
        dropped++;
    }

    void droppedUndated() {
        undated++;
    }

    JsonNode toJson() {
        for (int limit : TEXT_LIMITS) {
            ObjectNode node = build(limit, items.size());
            if (node.toString().length() <= MAX_CHARS) {
                return node;
            }
        }
        for (int count = items.size() - 1; count > 0; count--) {
            ObjectNode node = build(0, count);
            if (node.toString().length() <= MAX_CHARS) {
                return node;
            }
        }
        return build(0, 0);
    }

    private ObjectNode build(int textLimit, int count) {
        ObjectNode node = JSON.createObjectNode().put("query", clip(query, 200))
                .put("note", "only results dated before " + day + " are shown");
        ArrayNode results = node.putArray("results");
        for (Item item : items.subList(0, count)) {
            ObjectNode result = results.addObject().put("title", clip(item.title(), 200)).put("url",
                    clip(item.url(), 300));
            result.put("date", item.date().toString());
            if (textLimit > 0 && item.text() != null) {
                result.put("text", clip(item.text().replaceAll("\\s+", " ").trim(), textLimit));
            }
        }
        node.put("dropped_as_too_recent", dropped);
        node.put("dropped_as_undated", undated);
        if (items.isEmpty()) {
            node.put("message", "no results published before " + day);
        }
        return node;
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
