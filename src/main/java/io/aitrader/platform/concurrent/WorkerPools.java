package io.aitrader.platform.concurrent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Every thread the service starts, created, sized, named and shut down here: the named Vert.x worker pool the REST
 * resources run their blocking work on, the worker pool of the engine's event-bus verticle, the engine's claim loop
 * and model-day slots, the price backfill's thread, and the thread that listens for other instances. Whatever is still running when the
 * application stops is stopped here.
 */
@Singleton
public class WorkerPools {

    /** The resources' blocking work: JDBC above all, and the file reads that come with some requests. */
    public static final String BLOCKING = "aitrader-blocking";
    /** As many threads as PostgreSQL's pooled connections: more would only wait for a connection. */
    static final int BLOCKING_THREADS = 16;
    /** The worker pool of the engine's verticle; it only wakes the claim loop, so one thread suffices. */
    public static final String ENGINE_EVENTS = "aitrader-engine-events";
    /** MAX_PARALLEL_MODELS unset ("all"): how many model-days one instance runs at most at once. */
    static final int UNLIMITED_SLOTS = 64;

    private final int engineSlots;
    private final WorkerExecutor blockingPool;
    private final Executor blocking;
    private final List<ExecutorService> started = new CopyOnWriteArrayList<>();

    WorkerPools(Vertx vertx,
            @ConfigProperty(name = "app.max-parallel-models", defaultValue = "0") int maxParallelModels) {
        this.engineSlots = maxParallelModels > 0 ? maxParallelModels : UNLIMITED_SLOTS;
        this.blockingPool = vertx.createSharedWorkerExecutor(BLOCKING, BLOCKING_THREADS);
        this.blocking = task -> blockingPool.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }

    /**
     * The named Vert.x worker pool for {@code runSubscriptionOn}: JDBC and file reads block, and they must never run
     * on the event loop; platform threads, since SQLite goes through JNI, which pins virtual threads.
     */
    public Executor blocking() {
        return blocking;
    }

    /** How to deploy the engine's event-bus verticle: a worker verticle on its own named pool. */
    public DeploymentOptions engineVerticle() {
        return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName(ENGINE_EVENTS)
                .setWorkerPoolSize(1);
    }

    /** How many model-days (or job preparations) this instance runs at once: MAX_PARALLEL_MODELS, else 64. */
    public int engineSlots() {
        return engineSlots;
    }

    /** The engine's slots: {@link #engineSlots()} threads, each running one model after another. */
    public ExecutorService newEngineSlots() {
        return track(Executors.newFixedThreadPool(engineSlots, threads("claimed-work", false)));
    }

    /** The thread of an asked-for price backfill (POST /prices/backfill): one at a time. */
    public ExecutorService newPriceBackfill() {
        return track(Executors.newSingleThreadExecutor(threads("price-backfill", true)));
    }

    /** The engine's claim loop: one thread, so claims on this instance never race each other. */
    public ScheduledExecutorService newClaimLoop() {
        return track(Executors.newSingleThreadScheduledExecutor(threads("work-claims", false)));
    }

    /** The thread that listens for other instances (PostgreSQL); a daemon, so it never holds the JVM up. */
    public ExecutorService newClusterListener() {
        return track(Executors.newSingleThreadExecutor(threads("cluster-signals", true)));
    }

    /** Stops {@code pool} now (interrupting what runs) and waits up to {@code wait} for it to end. */
    public void stopNow(ExecutorService pool, Duration wait) {
        pool.shutdownNow();
        await(pool, wait);
    }

    /** Lets {@code pool} end what it runs, without waiting for it; it takes nothing new. */
    public void stopAccepting(ExecutorService pool) {
        pool.shutdown();
    }

    /** Waits up to {@code wait} for {@code pool} to end what it runs, taking nothing new meanwhile. */
    public void stopAndWait(ExecutorService pool, Duration wait) {
        pool.shutdown();
        await(pool, wait);
    }

    @PreDestroy
    void close() {
        started.forEach(ExecutorService::shutdownNow);
        blockingPool.close();
    }

    private <T extends ExecutorService> T track(T pool) {
        started.removeIf(ExecutorService::isTerminated);
        started.add(pool);
        return pool;
    }

    private static void await(ExecutorService pool, Duration wait) {
        try {
            pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
