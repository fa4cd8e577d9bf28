package io.aitrader.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where config files live (application.properties maps each environment variable onto its app.* property). */
@ConfigMapping(prefix = "app")
public interface ConfigSettings {

    /** CONFIGS_DIR: every config_path must resolve inside it. */
    @WithDefault("configs")
    Path configsDir();

    /** DEFAULT_CONFIG_PATH: the config used when a trigger names none. */
    @WithDefault("configs/default_config.json")
    String defaultConfig();

    /** CONFIG_OVERRIDE_PATH: replaces top-level sections of every loaded config. */
    Optional<Path> configOverridePath();
}
