package io.aitrader.jobs.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.config.ProcessSettings;
import io.aitrader.platform.concurrent.WorkerPools;
import io.aitrader.platform.database.StartupOrder;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Starts the engine once the database is set up: the {@link ClaimingWorker}, then its entry on the event bus, the
 * {@link JobVerticle} (a new job's id; the database holds its work, which any instance may claim). At shutdown the
 * verticle goes first, so nothing wakes the engine while it stops.
 */
@ApplicationScoped
public class JobWorker {

    private static final long DEPLOY_SECONDS = 10;

    private final ClaimingWorker claiming;
    private final Vertx vertx;
    private final WorkerPools pools;
    private volatile String deployment;

    JobWorker(ClaimingWorker claiming, Vertx vertx, WorkerPools pools) {
        this.claiming = claiming;
        this.vertx = vertx;
        this.pools = pools;
    }

    void onStart(@Observes @Priority(StartupOrder.ENGINE) StartupEvent event, ProcessSettings settings) {
        claiming.start(settings.commandMode());
        deployment = await(vertx.deployVerticle(new JobVerticle(claiming), pools.engineVerticle()));
    }

    void onStop(@Observes ShutdownEvent event) {
        String id = deployment;
        deployment = null;
        if (id != null) {
            try {
                await(vertx.undeploy(id));
            } catch (IllegalStateException e) {
                Log.debugf("The engine's verticle was not undeployed: %s", e.getMessage());
            }
        }
        claiming.stop();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(DEPLOY_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
