package io.aitrader.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The fallbacks a loaded config's {@code openai} models get when they name no key or base URL of their own (applied
 * when a config is read, and when a stored job's keys are restored). OPENAI_API_BASE is checked at start by
 * platform.SettingsCheck.
 */
@ConfigMapping(prefix = "app")
public interface OpenAiSettings {

    /** OPENAI_API_KEY: fallback key for openai models without their own. Never logged. */
    Optional<String> openaiApiKey();

    /** OPENAI_API_BASE: fallback base URL for openai models without their own; an http(s) URL. */
    Optional<String> openaiApiBase();
}
