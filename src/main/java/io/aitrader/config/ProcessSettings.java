package io.aitrader.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How this process runs: where its data lives, which database, how it logs, server or batch mode. DATABASE_URL and
 * LOG_FORMAT take effect through DatabaseUrlSource and LogFormatInterceptor, before CDI starts; they are mapped here
 * so that their values are checked and documented with the others.
 */
@ConfigMapping(prefix = "app")
public interface ProcessSettings {

    /** DATA_DIR: holds jobs.db and the prices/ folder imported at startup. */
    @WithDefault("data")
    Path dataDir();

    /**
     * DATABASE_URL: a PostgreSQL database shared by several instances ({@code postgres://user:password@host/db} or a
     * {@code jdbc:postgresql:} URL, see DatabaseUrlSource); unset: SQLite in DATA_DIR. Never logged.
     */
    Optional<String> databaseUrl();

    /** LOG_FORMAT: {@code text} (default) or {@code json} console lines (see LogFormatInterceptor). */
    @WithDefault("text")
    LogFormat logFormat();

    /** Set by the batch-mode entry point (never by users): no HTTP listener and no resuming of old jobs. */
    @WithDefault("false")
    boolean commandMode();

    /** The console log formats of LOG_FORMAT. */
    enum LogFormat {
        TEXT, JSON
    }
}
