package io.aitrader.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Broken setting rules as lines a user can act on: the environment variable, the value given, the property in
 * brackets and what the value must be. Only for settings that are not secrets: every value given is shown.
 */
final class SettingProblems {

    private static final int SHOWN_LENGTH = 100;

    private final List<String> lines = new ArrayList<>();
    private final Set<String> properties = new LinkedHashSet<>();

    void atLeast(String variable, String property, long value, long min) {
        if (value < min) {
            add(variable, property, Long.toString(value), "must be at least " + min);
        }
    }

    void between(String variable, String property, long value, long min, long max, String meaning) {
        if (value < min || value > max) {
            add(variable, property, Long.toString(value), "must be from " + min + " to " + max + meaning);
        }
    }

    void add(String variable, String property, String shown, String rule) {
        lines.add(variable + "=" + shown + " (" + property + "): " + rule);
        properties.add(property);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Set<String> properties() {
        return Set.copyOf(properties);
    }

    /** A text value in quotes, with control characters escaped and long values cut, so the line stays one line. */
    static String quoted(String value) {
        return '"' + escaped(value) + '"';
    }

    static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(SHOWN_LENGTH).forEach(c -> {
            if (Character.isISOControl(c) || c == '"' || c == '\\' || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > SHOWN_LENGTH ? out + "…" : out.toString();
    }
}
