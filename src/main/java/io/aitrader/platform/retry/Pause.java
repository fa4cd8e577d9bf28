package io.aitrader.platform.retry;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries or for a request budget; tests pass one that records, or moves a fake clock. */
@FunctionalInterface
public interface Pause {

    /**
     * Waits {@code duration}, giving up early when {@code stop} turns true; returns false when it gave up. An
     * interrupt also ends the wait.
     */
    boolean pause(Duration duration, BooleanSupplier stop) throws InterruptedException;

    /** Waits the whole {@code duration}; only an interrupt ends it early. */
    default void pause(Duration duration) throws InterruptedException {
        pause(duration, () -> false);
    }

    /** Sleeps in slices of at most 200 ms, checking {@code stop} between them. */
    static Pause system() {
        return (duration, stop) -> {
            long end = System.nanoTime() + duration.toNanos();
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
            }
            return !stop.getAsBoolean();
        };
    }
}
