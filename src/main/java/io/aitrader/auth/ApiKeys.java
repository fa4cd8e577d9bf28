package io.aitrader.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.ext.web.RoutingContext;

/**
 * The API keys of API_KEYS (comma-separated) and API_KEYS_FILE (one per line): each {@code name:key}, or a bare key
 * named {@code key-<position>}. Only SHA-256 digests are kept; a presented key is matched in constant time. No key
 * ever reaches a log or an error message; names are not secret and go to the audit trail.
 */
@Singleton
public class ApiKeys {

    /** Routing-context slot where the filter leaves the name of the key a request presented. */
    static final String KEY_NAME = "aitrader.api-key-name";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> digests = new ArrayList<>();

    @Inject
    ApiKeys(ApiKeySettings settings) {
        this(entries(settings));
    }

    /** Parses {@code entries} ({@code name:key} or a bare key); refuses malformed ones without quoting them. */
    public ApiKeys(List<String> entries) {
        Set<String> seenDigests = new HashSet<>();
        int position = 0;
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            position++;
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "key-" + position : entry.substring(0, colon).strip();
            String key = colon < 0 ? entry : entry.substring(colon + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("API key " + position + ": the name before ':' must be 1 to 64 "
                        + "letters, digits or . _ @ - (a key that contains ':' needs a name, as name:key)");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("API key '" + name + "' is empty");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("API key name '" + name + "' is used twice");
            }
            byte[] digest = sha256(key);
            if (!seenDigests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException("API key '" + name + "' repeats an earlier key");
            }
            names.add(name);
            digests.add(digest);
        }
    }

    /** True when at least one key is configured: every endpoint but the open ones then needs one. */
    public boolean enabled() {
        return !digests.isEmpty();
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** The name of the configured key equal to {@code presented}, comparing every digest in constant time. */
    public Optional<String> match(String presented) {
        if (presented == null || digests.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        String found = null;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), digest) && found == null) {
                found = names.get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the request may read protected data: keys are off, or the filter accepted its key. */
    public boolean admits(RoutingContext context) {
        return !enabled() || (context != null && context.get(KEY_NAME) != null);
    }

    private static List<String> entries(ApiKeySettings settings) {
        List<String> entries = new ArrayList<>();
        settings.apiKeys().ifPresent(inline -> {
            if (!inline.isBlank() && inline.replace(",", "").isBlank()) {
                throw new IllegalArgumentException("API_KEYS is set but holds no key");
            }
            entries.addAll(List.of(inline.split(",")));
        });
        settings.apiKeysFile().ifPresent(file -> entries.addAll(readFile(file)));
        return entries;
    }

    private static List<String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("API_KEYS_FILE " + file + " cannot be read (" + e.getClass()
                    .getSimpleName() + ")");
        }
        List<String> keys = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        if (keys.isEmpty()) {
            // refusing to start beats running open when the operator meant to require keys
            throw new IllegalStateException("API_KEYS_FILE " + file + " holds no key");
        }
        return keys;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
