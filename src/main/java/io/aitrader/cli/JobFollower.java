package io.aitrader.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.api.JobService;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.view.JobStatusView;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Follows one job to its end: every progress event on the bus wakes it to re-read the stored status (the database is
 * the truth; events only say when to look), with a timed re-read in case an event is missed.
 */
@ApplicationScoped
public class JobFollower {

    private static final long FALLBACK_POLL_MILLIS = 1000;
    private static final long MIN_READ_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final JobService jobs;
    private final JobEvents events;
    private volatile String followed;
    private volatile boolean stopping;
    private volatile CountDownLatch left = new CountDownLatch(0);

    JobFollower(JobService jobs, JobEvents events) {
        this.jobs = jobs;
        this.events = events;
    }

    /** Shows the job's progress until it ends; throws {@link Stopped} when the process is being stopped. */
    public JobStatusView follow(String jobId) {
        left = new CountDownLatch(1);
        followed = jobId;
        Semaphore wake = new Semaphore(0);
        MessageConsumer<String> consumer = events.listen(event -> wake.release());
        try {
            JobStatusView status;
            try (ProgressDisplay display = ProgressDisplay.start()) {
                while (!stopping) {
                    long readAt = System.nanoTime();
                    status = jobs.findStatus(jobId).orElseThrow(() -> JobService.noSuchJob(jobId));
                    display.update(status);
                    if (!JobStatus.fromWire(status.status()).active()) {
                        return status;
                    }
                    awaitChange(wake, readAt);
                }
            }
            throw new Stopped(jobId);
        } finally {
            consumer.unregister();
            followed = null;
            left.countDown();
        }
    }

    private static void awaitChange(Semaphore wake, long lastRead) {
        try {
            wake.tryAcquire(FALLBACK_POLL_MILLIS, TimeUnit.MILLISECONDS);
            // A fast job publishes hundreds of events a second: read at most every 100 ms.
            long wait = MIN_READ_SPACING_NANOS - (System.nanoTime() - lastRead);
            if (wait > 0) {
                wake.tryAcquire(wait, TimeUnit.NANOSECONDS);
            }
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted");
        }
    }

    /**
     * Ctrl-C stops the process: cancel the job it started so it does not stay "running" in the database, and let the
     * model-days and the follow loop wind down before the container stops under them (bounded: shutdown must end).
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        String jobId = followed;
        if (jobId == null) {
            return;
        }
        stopping = true;
        try {
            jobs.cancel(jobId, "cli");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jobs.findStatus(jobId).map(job -> job.progress().running() > 0).orElse(false)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (ApiException e) {
            // it ended meanwhile
        }
        left.await(5, TimeUnit.SECONDS);
    }

    /** The process is stopping (Ctrl-C, SIGTERM) while a job is followed; the job was cancelled. */
    static final class Stopped extends RuntimeException {
        Stopped(String jobId) {
            super("Stopped: job " + jobId + " was cancelled", null, false, false);
        }
    }
}
