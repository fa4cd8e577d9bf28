package io.aitrader.config;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.aitrader.errors.ApiException;
import io.aitrader.platform.database.StartupOrder;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start (server and batch mode alike) when the default config is missing or invalid, listing every
 * problem, before the database is even touched.
 */
@Singleton
public class ConfigStartupCheck {

    public static final int PRIORITY = StartupOrder.CONFIG_CHECK;
    static final String DEFAULT_CONFIG = "app.default-config";

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event, ConfigService configs) {
        String path = configs.defaultConfigPath();
        try {
            SimulationConfig config = configs.defaultConfig();
            Log.infof("Default config %s: %d models (%d enabled), %d symbols, benchmark %s", path,
                    config.models().size(), config.enabledModels().size(), config.symbols().size(),
                    config.benchmark());
        } catch (InvalidConfigException e) {
            // Quarkus prints a ConfigurationException's message alone, without a stack trace (see platform.SettingsCheck)
            throw new ConfigurationException("Refusing to start, the default config " + path + " is invalid:\n  - "
                    + String.join("\n  - ", e.problems()), Set.of(DEFAULT_CONFIG));
        } catch (ApiException e) {
            throw new ConfigurationException("Refusing to start, the default config " + path + " cannot be used: "
                    + e.getMessage(), Set.of(DEFAULT_CONFIG));
        }
    }
}
