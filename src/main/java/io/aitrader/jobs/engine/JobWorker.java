package io.aitrader.jobs.engine;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.config.ProcessSettings;
import io.aitrader.jobs.events.JobAddresses;
import io.aitrader.platform.database.StartupOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.ConsumeEvent;

/**
 * The engine's entry: starts the {@link ClaimingWorker} once the database is set up and wakes it for each job id sent
 * on the event bus (a new job here; the database holds its work, which any instance may claim).
 */
@ApplicationScoped
public class JobWorker {

    private final ClaimingWorker claiming;

    JobWorker(ClaimingWorker claiming) {
        this.claiming = claiming;
    }

    void onStart(@Observes @Priority(StartupOrder.ENGINE) StartupEvent event, ProcessSettings settings) {
        claiming.start(settings.commandMode());
    }

    void onStop(@Observes ShutdownEvent event) {
        claiming.stop();
    }

    @ConsumeEvent(value = JobAddresses.RUN, blocking = true, ordered = false)
    void onJob(String jobId) {
        claiming.wake(jobId);
    }

    @ConsumeEvent(value = JobAddresses.WORK, blocking = true, ordered = false)
    void onWork(String ignored) {
        claiming.wake();
    }
}
