package io.aitrader.auth;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The optional API keys; neither set, every endpoint is open. */
@ConfigMapping(prefix = "app")
public interface ApiKeySettings {

    /** API_KEYS: comma-separated {@code name:key} pairs or bare keys; unset, every endpoint is open. Never logged. */
    Optional<String> apiKeys();

    /** API_KEYS_FILE: a file with one {@code name:key} or bare key per line ({@code #} comments); adds to API_KEYS. */
    Optional<Path> apiKeysFile();
}
