package io.aitrader.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replaces ${NAME} references in every string value of a config tree. A string with a reference that is not set
 * becomes null, and the reference is returned so the caller decides whether it matters (it does not in a disabled
 * model). Values are never reported, only variable names.
 */
final class EnvReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A reference at {@code path} (e.g. {@code models[2].openai_api_key}) whose variable is not set. */
    record Unresolved(String path, String variable) {
    }

    private final Function<String, String> variables;

    EnvReferences(Function<String, String> variables) {
        this.variables = variables;
    }

    List<Unresolved> resolveAll(JsonNode root) {
        List<Unresolved> unresolved = new ArrayList<>();
        walk(root, "", unresolved);
        return unresolved;
    }

    private void walk(JsonNode node, String path, List<Unresolved> unresolved) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                object.set(name, resolveChild(object.get(name), childPath, unresolved));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolveChild(array.get(i), path + "[" + i + "]", unresolved));
            }
        }
    }

    private JsonNode resolveChild(JsonNode child, String path, List<Unresolved> unresolved) {
        if (!child.isTextual()) {
            walk(child, path, unresolved);
            return child;
        }
        String resolved = resolve(child.asText(), path, unresolved);
        return resolved == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(resolved);
    }

    private String resolve(String text, String path, List<Unresolved> unresolved) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean missing = false;
        while (matcher.find()) {
            String value = variables.apply(matcher.group(1));
            if (value == null || value.isEmpty()) {
                unresolved.add(new Unresolved(path, matcher.group(1)));
                missing = true;
                value = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return missing ? null : out.toString();
    }
}
