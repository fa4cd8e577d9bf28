package io.aitrader.jobs;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The job engine's deployment settings, for every jobs package (admission, planning, claims, the engine and the
 * scheduler). The ranges named here are checked at start by platform.SettingsCheck.
 */
@ConfigMapping(prefix = "app")
public interface JobsSettings {

    /** MAX_CONCURRENT_JOBS: active jobs allowed at once (pending and downloading_data count); at least 1. */
    @WithDefault("1")
    int maxConcurrentJobs();

    /** MAX_SIMULATION_DAYS: trading days allowed in one explicit range, and per catch-up step; at least 1. */
    @WithDefault("30")
    int maxSimulationDays();

    /** MAX_PARALLEL_MODELS: models run at once within a job, 0 to 64; 0 means all of them. */
    @WithDefault("0")
    int maxParallelModels();

    /**
     * SCHEDULE_CRON: built-in catch-up trigger, a Quartz cron expression read in UTC; "off" disables it. JobScheduler
     * reads it (and the watchdog's period) through its {@code @Scheduled} expressions.
     */
    @WithDefault("off")
    String scheduleCron();

    /** How often the watchdog looks for model-days running past their timeout. */
    @WithDefault("30s")
    String watchdogEvery();

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
}
