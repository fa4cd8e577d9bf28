package io.aitrader.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.aitrader.errors.ApiException;
import io.aitrader.platform.DatabaseSetup;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start (server and batch mode alike) when the default config is missing or invalid, listing every
 * problem, before the database is even touched.
 */
@Singleton
public class ConfigStartupCheck {

    public static final int PRIORITY = DatabaseSetup.PRIORITY - 5;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event, ConfigService configs) {
        String path = configs.defaultConfigPath();
        try {
            SimulationConfig config = configs.defaultConfig();
            Log.infof("Default config %s: %d models (%d enabled), %d symbols, benchmark %s", path,
                    config.models().size(), config.enabledModels().size(), config.symbols().size(),
                    config.benchmark());
        } catch (InvalidConfigException e) {
            e.problems().forEach(problem -> Log.errorf("Default config %s: %s", path, problem));
            throw new IllegalStateException("The default config " + path + " is invalid:\n  - "
                    + String.join("\n  - ", e.problems()));
        } catch (ApiException e) {
            Log.errorf("Default config %s: %s", path, e.getMessage());
            throw new IllegalStateException("The default config " + path + " cannot be used: " + e.getMessage());
        }
    }
}
