package io.aitrader.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;

import io.aitrader.config.DatabaseUrlSource;
import io.aitrader.config.ProcessSettings;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.StartupOrder;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the data directory and migrates the schema of the active database before anything else touches it: SQLite
 * cannot create a missing parent folder, so Quarkus' migrate-at-start would fail on a fresh machine. On PostgreSQL
 * several instances may start together; Flyway serialises their migrations with a database lock.
 */
@Singleton
public class DatabaseSetup {

    /** Startup observers that need the schema run after this priority. */
    public static final int PRIORITY = StartupOrder.DATABASE;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event, ProcessSettings settings, Database database,
            @Any InjectableInstance<Flyway> flyways) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + settings.dataDir(), e);
        }
        Flyway flyway = database.postgres()
                ? flyways.select(FlywayDataSource.FlywayDataSourceLiteral.of(DatabaseUrlSource.POSTGRESQL)).get()
                : flyways.select(Default.Literal.INSTANCE).get();
        var result = flyway.migrate();
        // The result names the version (flyway.info() would resolve every migration a second time).
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        Log.infof("%s database %s ready at schema version %s (%d migrations applied)", database.kind(),
                database.location(), version, result.migrationsExecuted);
    }
}
