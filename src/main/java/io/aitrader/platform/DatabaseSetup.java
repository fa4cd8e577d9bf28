package io.aitrader.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;

import io.aitrader.config.ServiceSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the data directory and migrates the schema before anything else touches the database: SQLite cannot create
 * a missing parent folder, so Quarkus' migrate-at-start would fail on a fresh machine.
 */
@Singleton
public class DatabaseSetup {

    /** Startup observers that need the schema run after this priority. */
    public static final int PRIORITY = 10;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event, ServiceSettings settings, Flyway flyway) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + settings.dataDir(), e);
        }
        var result = flyway.migrate();
        Log.infof("Database %s ready at schema version %s (%d migrations applied)",
                settings.dataDir().resolve("jobs.db"), flyway.info().current().getVersion(),
                result.migrationsExecuted);
    }
}
