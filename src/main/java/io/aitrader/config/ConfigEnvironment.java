package io.aitrader.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What loading a config needs from the deployment: where configs live, the optional override file, the OpenAI
 * fallbacks and how ${NAME} references are looked up. Tests build one by hand; the service derives it from
 * {@link ConfigSettings} and {@link OpenAiSettings}.
 */
public record ConfigEnvironment(Path configsDir, String defaultConfigPath, Optional<Path> overridePath,
        Optional<String> openaiApiKey, Optional<String> openaiApiBase, Function<String, String> variables) {

    public static ConfigEnvironment from(ConfigSettings settings, OpenAiSettings openAi) {
        return new ConfigEnvironment(settings.configsDir(), settings.defaultConfig(), settings.configOverridePath(),
                openAi.openaiApiKey(), openAi.openaiApiBase(), ConfigEnvironment::processVariable);
    }

    /** The process environment first, then MicroProfile Config so that {@code -DNAME=...} works too. */
    static String processVariable(String name) {
        String value = System.getenv(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    }

    @Override
    public String toString() {
        // The record's generated toString would print the fallback API key.
        return "ConfigEnvironment[configsDir=" + configsDir + ", defaultConfigPath=" + defaultConfigPath
                + ", overridePath=" + overridePath.orElse(null) + "]";
    }
}
