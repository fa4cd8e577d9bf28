package io.aitrader.prices;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A price provider's API key, which goes nowhere but its requests: whatever is logged or returned is redacted. */
final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** The configured key; blank counts as none. */
    static ApiKey of(Optional<String> configured) {
        return new ApiKey(configured.map(String::strip).filter(k -> !k.isEmpty()).orElse(null));
    }

    boolean present() {
        return value != null;
    }

    /** The key as a query parameter's value. */
    String encoded() {
        return encode(value);
    }

    /** {@code text} without the key, in plain and URL-encoded form, and with any apikey query parameter blanked. */
    String redact(String text) {
        String out = text.replaceAll("(?i)(apikey=)[^&\\s]*", "$1***");
        return value == null ? out : out.replace(value, "***").replace(encode(value), "***");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
