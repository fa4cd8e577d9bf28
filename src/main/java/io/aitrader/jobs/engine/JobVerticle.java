package io.aitrader.jobs.engine;

import io.aitrader.jobs.events.JobAddresses;
import io.vertx.core.AbstractVerticle;

/**
 * The engine's entry on the event bus, a worker verticle: each job id sent to {@link JobAddresses#RUN} (a new job
 * here) and each "work available" of another instance ({@link JobAddresses#WORK}) wakes the {@link ClaimingWorker},
 * which claims the work from the database and runs its model-days in parallel on the engine's slots. A worker
 * verticle, since a wake may tell the other instances over the database (blocking).
 */
final class JobVerticle extends AbstractVerticle {

    private final ClaimingWorker claiming;

    JobVerticle(ClaimingWorker claiming) {
        this.claiming = claiming;
    }

    @Override
    public void start() {
        vertx.eventBus().<String>consumer(JobAddresses.RUN, message -> claiming.wake(message.body()));
        vertx.eventBus().<String>consumer(JobAddresses.WORK, message -> claiming.wake());
    }
}
