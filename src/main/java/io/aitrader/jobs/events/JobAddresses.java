package io.aitrader.jobs.events;

/** Event-bus addresses of the jobs feature, in one place. */
public final class JobAddresses {

    /** Carries a job id to the worker. */
    public static final String RUN = "jobs.run";

    /** Another instance made work runnable: look for work now rather than at the next poll. */
    public static final String WORK = "jobs.work";

    /** Carries {@link JobEvent}s (model-day state changes and job ends) to SSE listeners. */
    public static final String EVENTS = "jobs.events";

    /** Asks for a catch-up trigger (SCHEDULE_CRON). */
    public static final String CATCH_UP = "jobs.catch-up";

    /** A watchdog tick: fail model-days running past their timeout. */
    public static final String WATCHDOG = "jobs.watchdog";

    private JobAddresses() {
    }
}
