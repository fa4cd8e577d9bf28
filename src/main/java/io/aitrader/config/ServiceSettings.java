package io.aitrader.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Deployment settings: the environment variables of the contract, section 3 (see application.properties). The ranges
 * named here are checked at start by SettingsCheck.
 */
@ConfigMapping(prefix = "app")
public interface ServiceSettings {

    /** DATA_DIR: holds jobs.db and the prices/ folder imported at startup. */
    @WithDefault("data")
    Path dataDir();

    /** CONFIGS_DIR: every config_path must resolve inside it. */
    @WithDefault("configs")
    Path configsDir();

    /** The config used when a trigger names none. */
    @WithDefault("configs/default_config.json")
    String defaultConfig();

    /** CONFIG_OVERRIDE_PATH: replaces top-level sections of every loaded config. */
    Optional<Path> configOverridePath();

    /** MAX_CONCURRENT_JOBS: active jobs allowed at once (pending and downloading_data count); at least 1. */
    @WithDefault("1")
    int maxConcurrentJobs();

    /** MAX_SIMULATION_DAYS: trading days allowed in one explicit range, and per catch-up step; at least 1. */
    @WithDefault("30")
    int maxSimulationDays();

    /** MAX_PARALLEL_MODELS: models run at once within a job, 0 to 64; 0 means all of them. */
    @WithDefault("0")
    int maxParallelModels();

    /** AUTO_DOWNLOAD_PRICE_DATA: fetch missing prices before a job when an Alpha Vantage key is set; true or false. */
    @WithDefault("true")
    boolean autoDownloadPriceData();

    AlphaVantage alphaVantage();

    /** JINA_API_KEY: enables the get_information search tool. */
    Optional<String> jinaApiKey();

    Jina jina();

    /** OPENAI_API_KEY: fallback key for openai models without their own. */
    Optional<String> openaiApiKey();

    /** OPENAI_API_BASE: fallback base URL for openai models without their own; an http(s) URL. */
    Optional<String> openaiApiBase();

    /** DEFAULT_RESULTS_LOOKBACK_DAYS: calendar days covered by read endpoints when no range is given; at least 1. */
    @WithDefault("30")
    int defaultResultsLookbackDays();

    /** RISK_FREE_RATE: annual risk-free rate in percent for GET /performance's Sharpe ratio; between -100 and 100. */
    @WithDefault("0")
    double riskFreeRate();

    /** SCHEDULE_CRON: built-in catch-up trigger, a Quartz cron expression read in UTC; "off" disables it. */
    @WithDefault("off")
    String scheduleCron();

    /** How often the watchdog looks for model-days running past their timeout. */
    @WithDefault("30s")
    String watchdogEvery();

    /** API_KEYS: comma-separated {@code name:key} pairs or bare keys; unset, every endpoint is open. Never logged. */
    Optional<String> apiKeys();

    /** API_KEYS_FILE: a file with one {@code name:key} or bare key per line ({@code #} comments); adds to API_KEYS. */
    Optional<Path> apiKeysFile();

    /** LOG_FORMAT: {@code text} (default) or {@code json} console lines (see LogFormatInterceptor). */
    @WithDefault("text")
    LogFormat logFormat();

    /** The console log formats of LOG_FORMAT. */
    enum LogFormat {
        TEXT, JSON
    }

    /**
     * DATABASE_URL: a PostgreSQL database shared by several instances ({@code postgres://user:password@host/db} or a
     * {@code jdbc:postgresql:} URL, see DatabaseUrlSource); unset: SQLite in DATA_DIR. Never logged.
     */
    Optional<String> databaseUrl();

    /** WORK_LEASE_SECONDS: how long a claim on work holds unless renewed; at least 5. */
    @WithDefault("30")
    int workLeaseSeconds();

    /**
     * MAX_DAY_ATTEMPTS: how many times a model-day is claimed at most — its first run, and again after a storage
     * fault, a crash or a stop in its middle — before it ends failed with attempts_exhausted; at least 1.
     */
    @WithDefault("3")
    int maxDayAttempts();

    /**
     * INSTANCE_ID: this instance's name in leases and logs (default: host name and a random suffix); up to 64 letters,
     * digits, '.', '_' or '-'.
     */
    Optional<String> instanceId();

    /**
     * OFFLINE_PRICES: what an empty price store gets at start when no Alpha Vantage key is set: {@code sample} (the
     * shipped real 2025 NASDAQ-100 prices, synthetic prices continuing them to the end of 2025), {@code synthetic}
     * (generated prices for all of 2025) or {@code none}.
     */
    @WithDefault("sample")
    OfflinePrices offlinePrices();

    /** The choices of OFFLINE_PRICES. */
    enum OfflinePrices {
        SAMPLE, SYNTHETIC, NONE
    }

    /** Set by the batch-mode entry point (never by users): no HTTP listener and no resuming of old jobs. */
    @WithDefault("false")
    boolean commandMode();

    /** Alpha Vantage price downloads. */
    interface AlphaVantage {
        /** ALPHAADVANTAGE_API_KEY: enables downloads; never logged. */
        Optional<String> apiKey();

        /** ALPHAADVANTAGE_REQUESTS_PER_MINUTE: request budget; at least 1. */
        @WithDefault("5")
        int requestsPerMinute();

        /** ALPHAADVANTAGE_BASE_URL: the API root, an http(s) URL, overridden by tests to a local stand-in. */
        @WithDefault("https://www.alphavantage.co")
        String baseUrl();
    }

    /** The Jina endpoints behind get_information; tests point them at a local stand-in. */
    interface Jina {
        /** Search API; the query goes in the q parameter. */
        @WithDefault("https://s.jina.ai/")
        String searchUrl();

        /** Reader API; the page URL is appended. */
        @WithDefault("https://r.jina.ai/")
        String readerUrl();
    }
}
