package io.aitrader.jobs.schedule;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.events.JobAddresses;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.eventbus.EventBus;

/** The scheduler only publishes to the bus: the optional catch-up trigger and the watchdog tick. */
@ApplicationScoped
public class JobScheduler {

    private final EventBus bus;

    JobScheduler(EventBus bus) {
        this.bus = bus;
    }

    /**
     * SCHEDULE_CRON ("off" by default): acts exactly like an empty-body trigger. Read in UTC, like the trigger's
     * "today", whatever the host's time zone.
     */
    @Scheduled(identity = "catch-up", cron = "{app.schedule-cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        bus.send(JobAddresses.CATCH_UP, "scheduler");
    }

    @Scheduled(identity = "watchdog", every = "{app.watchdog-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watchdog() {
        bus.send(JobAddresses.WATCHDOG, "tick");
    }
}
